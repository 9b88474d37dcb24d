import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';

/** Which sections the reader folded, by id; remembered across panels and sessions. */
const foldsItem = storage.defineItem<Record<string, boolean>>('local:folds', { fallback: {} });

function useFolded(id: string, foldedByDefault: boolean): [boolean, () => void] {
  const [folded, setFolded] = useState(foldedByDefault);
  useEffect(() => {
    let live = true;
    const apply = (all: Record<string, boolean> | null) => {
      const v = all?.[id];
      if (live) setFolded(typeof v === 'boolean' ? v : foldedByDefault);
    };
    void foldsItem.getValue().then(apply);
    const stop = foldsItem.watch(apply);
    return () => {
      live = false;
      stop();
    };
  }, [id, foldedByDefault]);
  async function flip() {
    const next = !folded;
    setFolded(next);
    const all = (await foldsItem.getValue()) ?? {};
    await foldsItem.setValue({ ...all, [id]: next });
  }
  return [folded, () => void flip()];
}

interface FoldProps {
  /** Remembers the fold under this id. */
  id: string;
  title: string;
  /** A short figure beside the title ("4"), shown also while folded. */
  count?: number | string;
  /** A few words on what the section holds, read with the heading. */
  hint?: string;
  foldedByDefault?: boolean;
  testId?: string;
  /** Controls shown on the heading's row (only while open). */
  actions?: ComponentChildren;
  children: ComponentChildren;
}

/** A panel section whose heading folds and unfolds it. */
export function Fold({ id, title, count, hint, foldedByDefault = false, testId, actions, children }: FoldProps) {
  const [folded, flip] = useFolded(id, foldedByDefault);
  const hId = `${id}-h`;
  const bodyId = `${id}-body`;
  return (
    <section class={`section fold${folded ? ' folded' : ''}`} aria-labelledby={hId} data-testid={testId} id={id}>
      <div class="fold-head">
        <h2 class="fold-title" id={hId}>
          <button type="button" class="fold-button" aria-expanded={!folded} aria-controls={bodyId} onClick={flip} data-testid={testId && `${testId}-fold`}>
            <span class="fold-mark" aria-hidden="true" />
            {title}
            {count !== undefined && <span class="fold-count">{count}</span>}
          </button>
        </h2>
        {hint && <span class="fold-hint">{hint}</span>}
        {!folded && actions}
      </div>
      {!folded && (
        <div class="fold-body" id={bodyId}>
          {children}
        </div>
      )}
    </section>
  );
}
