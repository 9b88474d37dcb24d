/**
 * `npm run events:assemble -- [DATA=../shared/data] [OUT=.cache/events-stream.jsonl]`
 *
 * Joins the hand-made event labels of the dated dev stream (test/events-stream/labels.tsv: source,
 * id, date, event, note) with the articles they label in the shared data (Wikinews 2019–20 by URL,
 * PolNeAR 2016 by file name, the real pages of `extraction/` by folder) into the JSONL that
 * `npm run eval -- events` reads.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DOMParser } from 'linkedom';

const LABELS = 'test/events-stream/labels.tsv';

interface Label {
  source: string;
  id: string;
  date: string;
  event: string;
}

export function parseLabels(tsv: string): Label[] {
  const [head, ...rows] = tsv.split('\n').filter((l) => l.trim());
  const cols = (head ?? '').split('\t');
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`${LABELS}: no "${name}" column`);
    return i;
  };
  const [s, i, d, e] = [at('source'), at('id'), at('date'), at('event')];
  return rows.map((row, n) => {
    const f = row.split('\t');
    const label = { source: f[s] ?? '', id: f[i] ?? '', date: f[d] ?? '', event: f[e] ?? '' };
    if (!label.source || !label.id || !/^\d{4}-\d{2}-\d{2}$/.test(label.date) || !label.event) throw new Error(`${LABELS}: line ${n + 2} is incomplete`);
    return label;
  });
}

/** The headline a page gives itself: its Open Graph title, else its <title>. */
export function pageTitle(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  return (og || doc.querySelector('title')?.textContent || '').replace(/\s+/g, ' ').trim();
}

function main(argv: string[]): void {
  const data = resolve(argv[0] ?? '../shared/data');
  const out = resolve(argv[1] ?? '.cache/events-stream.jsonl');
  const labels = parseLabels(readFileSync(LABELS, 'utf8'));
  const wikinews = new Map<string, { title: string; text: string }>();
  for (const line of readFileSync(join(data, 'unlabeled/wikinews/wikinews_2019_2020.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { url: string; title: string; text: string };
    wikinews.set(r.url, r);
  }
  const polnearDir = join(data, 'quotes/polnear');
  const meta = new Map<string, { compartment: string; publisher: string; title: string }>();
  const [head, ...rows] = readFileSync(join(polnearDir, 'metadata_train_dev.tsv'), 'utf8').split('\n').filter(Boolean);
  const cols = head!.split('\t');
  for (const row of rows) {
    const f = row.split('\t');
    const get = (c: string) => f[cols.indexOf(c)] ?? '';
    meta.set(get('filename'), { compartment: get('compartment'), publisher: get('publisher'), title: get('title') });
  }
  const lines: string[] = [];
  for (const l of labels) {
    if (l.source === 'wikinews') {
      const a = wikinews.get(l.id);
      if (!a) throw new Error(`No Wikinews article at ${l.id}`);
      lines.push(JSON.stringify({ id: l.id, date: l.date, title: a.title, text: a.text, cluster: l.event, url: l.id, publisher: 'Wikinews', source: l.source }));
    } else if (l.source === 'polnear') {
      const m = meta.get(l.id);
      const file = m && join(polnearDir, m.compartment, 'text', `${l.id}.txt`);
      if (!m || !file || !existsSync(file)) throw new Error(`No PolNeAR article ${l.id}`);
      // The file's first line is the headline; the rest is the text.
      const [first = '', ...rest] = readFileSync(file, 'utf8').split('\n');
      const title = m.title || first.replace(/\.$/, '');
      lines.push(
        JSON.stringify({ id: l.id, date: l.date, title, text: rest.join('\n').trim(), cluster: l.event, url: `https://${m.publisher}.example/${l.id}`, publisher: m.publisher, source: l.source }),
      );
    } else if (l.source === 'extraction') {
      // The hand-made article body of a real page, and the headline the page gives itself.
      const dir = join(data, 'extraction', l.id);
      if (!existsSync(join(dir, 'ground-truth.json'))) throw new Error(`No extraction page ${l.id}`);
      const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as { url: string; articleBody: string };
      const title = pageTitle(readFileSync(join(dir, 'source.html'), 'utf8'));
      lines.push(
        JSON.stringify({ id: l.id, date: l.date, title, text: truth.articleBody, cluster: l.event, url: truth.url, publisher: new URL(truth.url).hostname.replace(/^www\./, ''), source: l.source }),
      );
    } else throw new Error(`Unknown source "${l.source}" for ${l.id}`);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`${lines.length} articles in ${new Set(labels.map((l) => l.event)).size} events → ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) main(process.argv.slice(2));
