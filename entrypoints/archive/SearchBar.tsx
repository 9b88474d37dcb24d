import { FilterSelect } from '@/components/FilterSelect';
import { useEffect, useRef, useState } from 'preact/hooks';
import { STATUS_LABEL } from '@/components/claims';
import { CLAIM_STATUSES } from '@/lib/claim-status';
import { archiveHash, cleanText, isFiltered, NO_FILTER, type ArchiveFilter } from './query';
import { navigate } from './route';

/** How long the reader may pause while typing before the search runs. */
const DEBOUNCE_MS = 200;

export interface Facets {
  publishers: string[];
  tags: string[];
}

/** Choices for a select: the facets, plus the current value when it is no longer among them (an old bookmark). */
function choices(values: string[], current: string): string[] {
  return current && !values.includes(current) ? [current, ...values] : values;
}

/**
 * The search box and the filters of the article list. Everything lives in the address; the box keeps
 * its own text while the reader types and writes it to the address after a pause or on Enter.
 */
export function SearchBar({ filter, facets }: { filter: ArchiveFilter; facets: Facets }) {
  const [text, setText] = useState(filter.q);
  /** The search text last written to the address by this box: tells our own changes from Back or "Clear". */
  const committed = useRef(filter.q);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  /** True while a burst of typing has already made its history entry; later pauses replace it. */
  const typing = useRef(false);
  const latest = useRef(filter);
  latest.current = filter;
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (filter.q === committed.current) return;
    clearTimeout(timer.current);
    committed.current = filter.q;
    typing.current = false;
    setText(filter.q);
  }, [filter.q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  function go(patch: Partial<ArchiveFilter>, replace: boolean) {
    clearTimeout(timer.current);
    const q = cleanText(box.current?.value ?? text);
    committed.current = patch.q ?? q;
    navigate(archiveHash({ ...latest.current, q, ...patch }), replace);
  }

  function commitText(raw: string) {
    const q = cleanText(raw);
    if (q === committed.current) return;
    go({ q }, typing.current);
    typing.current = true;
  }

  const set = (patch: Partial<ArchiveFilter>) => {
    typing.current = false;
    go(patch, false);
  };

  return (
    <form
      class="archive-search"
      role="search"
      aria-label="Search your articles"
      onSubmit={(e) => {
        e.preventDefault();
        // The box itself: Enter may come before the last keystroke's render.
        commitText(box.current?.value ?? text);
        typing.current = false;
      }}
    >
      <label class="search-box">
        <span class="sr-only">Search titles and text</span>
        <input
          type="search"
          ref={box}
          value={text}
          placeholder="Search titles and text"
          maxLength={200}
          autoComplete="off"
          spellcheck={false}
          data-testid="search"
          onInput={(e) => {
            const v = e.currentTarget.value;
            setText(v);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => commitText(v), DEBOUNCE_MS);
          }}
          onBlur={() => {
            typing.current = false;
          }}
        />
      </label>
      <div class="archive-filters">
        <FilterSelect label="Publisher" value={filter.publisher} choices={choices(facets.publishers, filter.publisher)} onChange={(v) => set({ publisher: v })} testId="filter-publisher" />
        <FilterSelect label="Tag" value={filter.tag} choices={choices(facets.tags, filter.tag)} onChange={(v) => set({ tag: v })} testId="filter-tag" />
        <FilterSelect
          label="With a claim"
          value={filter.status}
          choices={CLAIM_STATUSES.map((v) => ({ value: v, label: STATUS_LABEL[v] }))}
          onChange={(v) => set({ status: v })}
          testId="filter-status"
        />
        <label class="filter-select">
          <span class="filter-label">From</span>
          <input type="date" value={filter.from} max={filter.to || undefined} onChange={(e) => set({ from: e.currentTarget.value })} data-testid="filter-from" />
        </label>
        <label class="filter-select">
          <span class="filter-label">To</span>
          <input type="date" value={filter.to} min={filter.from || undefined} onChange={(e) => set({ to: e.currentTarget.value })} data-testid="filter-to" />
        </label>
        {(isFiltered(filter) || cleanText(text)) && (
          <button
            type="button"
            class="link"
            onClick={() => {
              setText('');
              set(NO_FILTER);
            }}
            data-testid="clear-filters"
          >
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
