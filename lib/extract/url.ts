/**
 * URL normalisation: the archive identifies an article by its normalised canonical URL, so two
 * visits to the same story through different campaign links must give the same string.
 *
 * Rules (http and https only; any other URL is returned unchanged):
 * - resolve against `base` when given;
 * - lower-case scheme and host (the URL parser does this), drop the default port;
 * - drop the fragment;
 * - drop pure tracking parameters (utm_*, fbclid, gclid, ...), keep every other parameter in its
 *   original order (meaningful ones such as `id`, `p`, `page`, `story` stay);
 * - remove a trailing slash from non-root paths ("/a/b/" → "/a/b"; "/" stays "/");
 * - `www.` is NOT dropped: "www.example.com" and "example.com" are different hosts in principle and
 *   may serve different things; merging them is a guess we leave to the caller.
 */

/** Parameter names that only track a visit and never select content (compared lower-cased). */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'igshid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wickedid',
  'rb_clickid',
  's_cid',
  'ncid',
  'cmpid',
  'ocid',
  'sr_share',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'spm',
  'smid',
]);

/** Prefixes of tracking parameter families (utm_source, utm_medium, pk_campaign, ...). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'piwik_', 'hsa_', 'itm_'];

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

export function normaliseUrl(url: string, base?: string): string {
  let u: URL;
  try {
    u = base ? new URL(url, base) : new URL(url);
  } catch {
    return url;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return url;

  u.hash = '';
  // The URL parser already lower-cases scheme and host and drops the scheme's default port.
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';

  if (u.search) {
    // Work on the raw query so that kept parameters keep their exact spelling and order
    // (URLSearchParams would re-encode them, e.g. "%20" → "+").
    const kept = u.search
      .slice(1)
      .split('&')
      .filter((pair) => {
        if (pair === '') return false;
        const rawName = pair.split('=', 1)[0]!;
        let name = rawName;
        try {
          name = decodeURIComponent(rawName.replace(/\+/g, ' '));
        } catch {
          // keep the raw name when it is not valid percent-encoding
        }
        return !isTrackingParam(name);
      });
    u.search = kept.length ? `?${kept.join('&')}` : '';
  }

  if (u.pathname.length > 1 && u.pathname.endsWith('/')) {
    u.pathname = u.pathname.replace(/(?<!\/)\/+$/, '') || '/';
  }

  let out = u.href;
  // `new URL('http://a/?')` keeps an empty query marker; drop it.
  if (out.endsWith('?')) out = out.slice(0, -1);
  return out;
}
