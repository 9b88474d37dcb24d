/**
 * "Coverage in your archive" (issues #5, #19): what the reader's own archive holds about the event
 * of an article, shared by the side panel and the archive's reader view: the whole event in date
 * order with "This article" at its place (earlier reports above it, later ones below), then related
 * articles and earlier statements. Everything in a Coverage was taken
 * from web pages, so it is rendered as text nodes only, and a page's URL becomes a link only when it
 * is http(s).
 */
import { Fragment } from 'preact';
import type { Coverage, CoverageItem, EarlierStatement, NamedKey } from '@/lib/messaging/protocol';
import { StatusBadge } from './claims';
import { formatDate, hostOf, isoDate, relativeDay, safeHref, speakerLabel } from './format';
import { usePorts } from './ports';

export interface CoverageViewProps {
  coverage: Coverage | null;
  loading: boolean;
  error: string | null;
  /** The clock for "3 days ago"; passed in so a render is the same for the same props. */
  now: number;
  /** The panel links to the original pages (and to the archive); the archive to its own reader. */
  context: 'panel' | 'archive';
  /** Whether the reader has automatic saving on: the empty archive then fills by itself. */
  autoSaveOn?: boolean;
  onOpenOptions?: () => void;
  /** The archive reader's address of a saved article (archive context). */
  articleHref?: (id: number) => string;
  /**
   * Whether the article itself is in the archive (saved): it is then one of `archived`, and the
   * counts the reader sees are of the other articles. Always so in the archive's reader.
   */
  selfSaved?: boolean;
  /** Without its own section and heading (the panel puts it in a folding section of its own). */
  embedded?: boolean;
}

type LinkProps = Pick<CoverageViewProps, 'context' | 'articleHref'>;

export function CoverageView(props: CoverageViewProps) {
  const { coverage, loading, error, context } = props;
  // The archive page's reader has the article's title as h1 and its sections as h2; the panel's sections are h3.
  const H = context === 'archive' ? 'h2' : 'h3';
  const Sub = context === 'archive' ? 'h3' : props.embedded ? 'h3' : 'h4';
  if (props.embedded) {
    return (
      <div class="coverage" aria-busy={loading} data-testid="coverage">
        <CoverageBody {...props} Sub={Sub} />
        {error && coverage && (
          <p class="problem" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <section class="section coverage" aria-labelledby="coverage-h" aria-busy={loading} data-testid="coverage">
      <H id="coverage-h">Coverage in your archive</H>
      <CoverageBody {...props} Sub={Sub} />
      {error && coverage && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function CoverageBody(props: CoverageViewProps & { Sub: 'h3' | 'h4' }) {
  const { coverage, loading, error, now, Sub, context } = props;
  if (!coverage) {
    if (error) {
      return (
        <p class="problem" role="alert">
          {error}
        </p>
      );
    }
    if (loading) {
      return (
        <p class="muted" role="status">
          <span class="spinner" aria-hidden="true" />
          Looking through your archive…
        </p>
      );
    }
    return (
      <p class="empty muted" data-testid="coverage-empty">
        Earlier coverage shows once Backstory has read an article.
      </p>
    );
  }
  const others = otherArticles(coverage, props.selfSaved ?? context === 'archive');
  if (others === 0) return <EmptyArchive {...props} only={coverage.archived > 0} />;
  const { same, related, statements } = coverage;
  const onStory = statements.filter((s) => s.onStory);
  const otherMatters = statements.filter((s) => !s.onStory);
  if (!same.length && !related.length && !statements.length) {
    return (
      <p class="empty muted" data-testid="coverage-empty">
        {noneCovers(others, 'this event')}
      </p>
    );
  }
  const newHere = names(coverage.newHere.actors);
  const item = (when: 'earlier' | 'later') => (it: CoverageItem) => (
    <li key={it.id} class={`timeline-item timeline-${when}`} data-testid="coverage-same" data-when={when}>
      <ItemHead item={it} now={now} />
      <ItemLink id={it.id} url={it.url} title={it.title} context={props.context} articleHref={props.articleHref} />
      {it.added.length > 0 && <p class="coverage-added">Brought in: {names(it.added)}</p>}
      <Shares item={it} />
    </li>
  );
  const before = Math.max(0, Math.min(coverage.before, same.length));
  return (
    <>
      <Sub class="coverage-sub">This event, in date order</Sub>
      {same.length === 0 ? (
        <p class="empty muted">{noneCovers(others, 'this same event')}</p>
      ) : (
        <ol class="timeline" aria-label="This event, in date order">
          {same.slice(0, before).map(item('earlier'))}
          <li class="timeline-item timeline-here" aria-current="true" data-testid="coverage-here">
            <p class="coverage-date">
              This article
              {coverage.hereDate !== null && (
                <>
                  {' · '}
                  <When ms={coverage.hereDate} now={now} />
                </>
              )}
            </p>
            {newHere && (
              <p class="coverage-new" data-testid="coverage-new-here">
                New here: {newHere}
              </p>
            )}
          </li>
          {same.slice(before).map(item('later'))}
        </ol>
      )}
      {related.length > 0 && (
        <>
          <Sub class="coverage-sub">Related</Sub>
          <ul class="coverage-related">
            {related.map((it) => (
              <li key={it.id} class="coverage-item" data-testid="coverage-related">
                <ItemHead item={it} now={now} />
                <ItemLink id={it.id} url={it.url} title={it.title} context={props.context} articleHref={props.articleHref} />
                <Shares item={it} />
              </li>
            ))}
          </ul>
        </>
      )}
      {statements.length > 0 && (
        <>
          <Sub class="coverage-sub">{statementsHeading(statements, coverage.hereDate)}</Sub>
          {[onStory, otherMatters].map(
            (list, i) =>
              list.length > 0 && (
                <Fragment key={i}>
                  {/* (what they said on other matters is set apart when some of it is on this story) */}
                  {i === 1 && onStory.length > 0 && (
                    <p class="coverage-other-matters" aria-hidden="true">
                      On other matters
                    </p>
                  )}
                  <ul class="coverage-statements" data-testid={i === 0 ? 'statements-on-story' : 'statements-other'} aria-label={i === 1 && onStory.length > 0 ? 'On other matters' : undefined}>
                    {list.map((s) => (
                      <Statement key={`${s.articleId}:${s.claimId}`} s={s} now={now} context={props.context} articleHref={props.articleHref} />
                    ))}
                  </ul>
                </Fragment>
              ),
          )}
        </>
      )}
    </>
  );
}

/**
 * The statements' heading, for what it holds: the people's statements in other articles are the
 * latest ones, which may come before or after the article being read.
 */
export function statementsHeading(statements: readonly Pick<EarlierStatement, 'date' | 'undated'>[], hereDate: number | null): string {
  // (a statement of an undated article was saved then, not made then: neither earlier nor later)
  if (statements.some((s) => s.undated)) return 'Statements by those named in this article, in other articles';
  if (hereDate !== null && statements.every((s) => s.date <= hereDate)) return 'Earlier statements by those named in this article';
  if (hereDate !== null && statements.every((s) => s.date > hereDate)) return 'Later statements by those named in this article';
  return 'Statements by those named in this article, in other articles';
}

/** How many articles of the archive are not this one. */
export function otherArticles(coverage: Pick<Coverage, 'archived'>, selfSaved: boolean): number {
  return Math.max(0, coverage.archived - (selfSaved ? 1 : 0));
}

/** "None of the 12 other articles in your archive covers this event yet." */
function noneCovers(others: number, what: string): string {
  return others === 1 ? `The one other article in your archive does not cover ${what}.` : `None of the ${others} other articles in your archive covers ${what} yet.`;
}

function EmptyArchive({ autoSaveOn, onOpenOptions, only }: CoverageViewProps & { only: boolean }) {
  return (
    <div class="empty" data-testid="coverage-empty">
      <p class="muted">
        {only ? 'This is the only article in your archive so far. ' : 'Your archive is empty. '}
        This section fills from your own archive, on this device: the articles you save show up here when you read about the same events again.
      </p>
      {autoSaveOn ? (
        <p class="muted">Automatic saving is on: the articles you read from now on will appear here.</p>
      ) : (
        <p class="muted">
          Save articles with the Save button, or turn on automatic saving in the options.
          {onOpenOptions && (
            <>
              {' '}
              <button type="button" class="link" onClick={onOpenOptions} data-testid="coverage-options">
                Open the options
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}

/**
 * "3 days ago · 19 Aug 2025 · Reuters"; "saved today · 7 Dec 2026 · ScienceAlert" for a page that
 * gave no publication date, whose place on the timeline is then only the day it was saved.
 */
function ItemHead({ item, now }: { item: CoverageItem; now: number }) {
  const undated = !Number.isFinite(item.published ? Date.parse(item.published) : NaN);
  return (
    <p class="coverage-date">
      {undated && <span class="coverage-saved">saved </span>}
      <When ms={item.date} now={now} />
      <span class="coverage-publisher"> · {item.publisher ?? hostOf(item.url)}</span>
    </p>
  );
}

/** The relative day when recent, and always the absolute date, machine-readable. */
function When({ ms, now }: { ms: number; now: number }) {
  const abs = formatDate(ms);
  if (!abs) return <span>undated</span>;
  const rel = relativeDay(ms, now);
  return (
    <>
      {rel && <span class="coverage-rel">{rel} · </span>}
      <time dateTime={isoDate(ms)}>{abs}</time>
    </>
  );
}

/**
 * The title as a link: in the archive to its reader; in the panel to the original page (new tab,
 * http(s) only), with a small link to the saved copy in the archive page.
 */
function ItemLink({ id, url, title, source, context, articleHref }: LinkProps & { id: number; url: string; title: string; source?: string }) {
  const { url: extensionUrl } = usePorts();
  const label = title || hostOf(url) || 'Untitled';
  const from = source ? <span class="coverage-publisher"> · {source}</span> : null;
  if (context === 'archive') {
    return (
      <p class="coverage-title">
        <a href={articleHref ? articleHref(id) : `#/article/${id}`}>{label}</a>
        {from}
      </p>
    );
  }
  const href = safeHref(url);
  return (
    <p class="coverage-title">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      ) : (
        <span>{label}</span>
      )}
      {from}{' '}
      <a class="coverage-archive-link" href={extensionUrl(`/archive.html#/article/${id}`)} target="_blank" rel="noopener">
        in archive
      </a>
    </p>
  );
}

function Shares({ item }: { item: CoverageItem }) {
  const shared = uniqueNames([...item.shared.actors, ...item.shared.places]);
  // The kinds of happening both headlines and ledes name ("debate"): a signal of the score too.
  const kinds = item.shared.kinds ?? [];
  if (!shared.length && !kinds.length) return null;
  return (
    <p class="coverage-shares">
      {kinds.length > 0 && `Both report: ${kinds.join(', ')}. `}
      {shared.length > 0 && `Shares: ${shared.join(', ')}`}
    </p>
  );
}

function Statement({ s, now, context, articleHref }: LinkProps & { s: EarlierStatement; now: number }) {
  const rel = relativeDay(s.date, now);
  const abs = formatDate(s.date);
  return (
    <li class="coverage-statement" data-testid="coverage-statement">
      <p class="coverage-said">
        <span class="speaker" title={s.speaker}>
          {speakerLabel(s.speaker)}
        </span>
        {(rel || abs) && (
          <>
            , {s.undated && <span class="coverage-saved">saved </span>}
            <time dateTime={isoDate(s.date)} title={abs}>
              {rel || abs}
            </time>
          </>
        )}
        : <span class="coverage-quote">{s.text}</span>
        <StatusBadge status={s.status} reviewed={true} />
      </p>
      <ItemLink id={s.articleId} url={s.url} title={s.title} source={s.publisher ?? hostOf(s.url)} context={context} articleHref={articleHref} />
    </li>
  );
}

function uniqueNames(keys: NamedKey[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of keys) {
    if (seen.has(k.key)) continue;
    seen.add(k.key);
    out.push(k.name);
  }
  return out;
}

const names = (keys: NamedKey[]) => uniqueNames(keys).join(', ');
