import { FilterSelect } from '@/components/FilterSelect';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { KIND_LABEL, ReviewEditor, ReviewSummary, SignalList, StatusBadge, STATUS_LABEL, type ReviewDraft } from '@/components/claims';
import { formatDate, plural, textFragmentHref } from '@/components/format';
import { Notice } from '@/components/Notice';
import { SyncConflicts } from '@/components/SyncConflicts';
import type { ReviewConflict } from '@/lib/archive/backup-merge';
import { useBroadcast } from '@/components/useBroadcast';
import type { ClaimRow } from '@/lib/messaging/protocol';
import { request } from '@/lib/messaging/transport';
import { CLAIM_STATUSES, isClaimStatus } from '@/lib/claim-status';
import type { ClaimStatus } from '@/lib/types';
import { dayEnd, dayStart } from './query';
import { speakerGroup } from '@/lib/archive/speakers';

const PAGE = 50;

export interface ClaimFilter {
  status: ClaimStatus | '';
  speaker: string;
  from: string;
  to: string;
}

/** The filter as kept in the address (#/claims?status=…&speaker=…&from=YYYY-MM-DD&to=…), so it can be bookmarked. */
export function parseClaimFilter(query: string): ClaimFilter {
  const q = new URLSearchParams(query);
  const status = q.get('status') ?? '';
  const date = (s: string | null) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : '');
  return {
    status: isClaimStatus(status) ? status : '',
    speaker: q.get('speaker') ?? '',
    from: date(q.get('from')),
    to: date(q.get('to')),
  };
}

/** The listed spelling of a speaker's group, so a bookmarked "officials" selects "Officials". */
function listedSpeaker(speaker: string, listed: readonly string[]): string {
  if (!speaker || listed.includes(speaker)) return speaker;
  const g = speakerGroup(speaker);
  return listed.find((s) => speakerGroup(s) === g) ?? speaker;
}

function hrefFor(f: ClaimFilter): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  const s = q.toString();
  return `#/claims${s ? `?${s}` : ''}`;
}

/** Every claim the reader reviewed or that the text leaves unverified, across the archive. */
export function ClaimsView({ filter }: { filter: ClaimFilter }) {
  const [items, setItems] = useState<ClaimRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [speakers, setSpeakers] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<string | null>(null);

  const load = useCallback(async () => {
    // The whole local days: the next midnight minus 1 ms, right on daylight-saving days too.
    const from = filter.from ? dayStart(filter.from) : undefined;
    const to = filter.to ? dayEnd(filter.to) : undefined;
    const r = await request('archive/claims', {
      offset: 0,
      limit,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.speaker ? { speaker: filter.speaker } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    setItems(r.value.items);
    setTotal(r.value.total);
    setSpeakers(r.value.speakers);
  }, [filter.status, filter.speaker, filter.from, filter.to, limit]);

  // Reviews sync found changed on two devices (none while sync is off; no server is contacted for them).
  const [conflicts, setConflicts] = useState<ReviewConflict[]>([]);
  const loadConflicts = useCallback(async () => {
    const r = await request('sync/state', {});
    setConflicts(r.ok ? (r.value.state?.conflicts ?? []) : []);
  }, []);

  useEffect(() => void load(), [load]);
  useEffect(() => void loadConflicts(), [loadConflicts]);
  useBroadcast((msg) => msg.kind === 'archive/changed' && void (load(), loadConflicts()), [load, loadConflicts]);

  const set = (patch: Partial<ClaimFilter>) => {
    location.hash = hrefFor({ ...filter, ...patch });
  };

  async function review(row: ClaimRow, draft: ReviewDraft | null): Promise<string | null> {
    const r = await request('archive/review', { articleId: row.articleId, claimId: row.claimId, review: draft });
    if (!r.ok) return r.error;
    if (!r.value.found) return 'That article is no longer in your archive.';
    await load();
    return null;
  }

  const filtered = !!(filter.status || filter.speaker || filter.from || filter.to);
  return (
    <>
      <form class="claim-filters" aria-label="Filter claims" onSubmit={(e) => e.preventDefault()} data-testid="claim-filters">
        <FilterSelect label="Status" value={filter.status} choices={CLAIM_STATUSES.map((v) => ({ value: v, label: STATUS_LABEL[v] }))} onChange={(v) => set({ status: v })} testId="filter-status" />
        <FilterSelect label="Speaker" value={listedSpeaker(filter.speaker, speakers)} choices={speakers} any="Anyone" onChange={(v) => set({ speaker: v })} testId="filter-speaker" />
        <label class="filter-select">
          <span class="filter-label">Article from</span>
          <input type="date" value={filter.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label class="filter-select">
          <span class="filter-label">to</span>
          <input type="date" value={filter.to} onChange={(e) => set({ to: e.currentTarget.value })} />
        </label>
        {filtered && <a href="#/claims">Clear filters</a>}
      </form>
      <SyncConflicts conflicts={conflicts} testId="claims-sync-conflicts" />
      {problem && (
        <Notice title="The claims could not be loaded" tone="error">
          <p>{problem}</p>
        </Notice>
      )}
      {items === null && !problem && <Notice title="Opening…" tone="busy" />}
      {items !== null && items.length === 0 && (
        <Notice title={filtered ? 'No claim matches these filters' : 'No claims to review yet'} testId="claims-empty">
          {!filtered && <p>Claims appear here when a saved article has claims the text itself does not establish, or when you review a claim in the side panel (reviewing saves the article).</p>}
        </Notice>
      )}
      {items !== null && items.length > 0 && (
        <>
          <p class="muted">{plural(total, 'claim')}</p>
          <ol class="claims" data-testid="claims-list">
            {items.map((row) => {
              const c = row.claim;
              const original = textFragmentHref(row.article.url, c.text);
              return (
                <li key={row.key} class={`claim claim-${row.status}`} data-testid="claim-row" data-claim-id={c.id}>
                  <div class="claim-head">
                    {c.speaker && <span class="speaker">{c.speaker}</span>}
                    <span class="kind">{KIND_LABEL[c.kind]}</span>
                    <StatusBadge status={row.status} reviewed={row.reviewed} />
                  </div>
                  <a class="claim-link" href={`#/article/${row.articleId}?claim=${encodeURIComponent(c.id)}`} data-testid="claim-link" title="Open the article at this claim">
                    {c.text}
                  </a>
                  <SignalList claim={c} />
                  <ReviewSummary review={c.review} />
                  <p class="claim-source muted">
                    In “{row.article.title}”{row.article.publisher ? ` · ${row.article.publisher}` : ''}
                    {/* The row's date is the article's publication date when known, else the day it was saved: say which. */}
                    {` · ${row.article.published ? 'published' : 'saved'} ${formatDate(row.date)}`}
                    {original && (
                      <>
                        {' · '}
                        <a href={original} target="_blank" rel="noopener noreferrer">
                          Original
                        </a>
                      </>
                    )}
                  </p>
                  {editing === row.key ? (
                    <ReviewEditor claim={c} onSave={(d) => review(row, d)} onDone={() => setEditing(null)} />
                  ) : (
                    <button type="button" class="link" onClick={() => setEditing(row.key)}>
                      {row.reviewed ? 'Edit review' : 'Review'}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
          {items.length < total && (
            <p class="more">
              <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
                Show more ({(total - items.length).toLocaleString()} left)
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
