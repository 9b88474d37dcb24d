/**
 * A DOM in Node for the extraction evaluations (`pages`, `extraction`): a page's HTML parsed into a
 * Document that stands at the page's address, as the content script's `document` does in a tab.
 *
 * - linkedom (default): fast, but its documents have no address of their own, so `URL`,
 *   `documentURI` and `baseURI` are set on each document (the last one resolving a <base href>
 *   against the page's address, as a browser does).
 * - happy-dom: a window opened at the page's address, with nothing fetched or run.
 */

export type DomName = 'linkedom' | 'happy-dom';

export const DOM_NAMES: readonly DomName[] = ['linkedom', 'happy-dom'];

export interface Parser {
  parse(html: string, url: string): Document;
  /** Frees what the last parse allocated. */
  release(): void;
}

/** Reads `--dom NAME` from the task's arguments (linkedom when absent). */
export function domArg(args: string[]): DomName {
  const name = args.includes('--dom') ? args[args.indexOf('--dom') + 1] : 'linkedom';
  if (name !== 'linkedom' && name !== 'happy-dom') throw new Error(`--dom takes linkedom or happy-dom, not "${name}"`);
  return name;
}

function placeAt(doc: Document, url: string): void {
  let base = url;
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      base = new URL(href, url).href;
    } catch {
      // An unusable <base href> is ignored, as a browser does.
    }
  }
  for (const [key, value] of [
    ['URL', url],
    ['documentURI', url],
    ['baseURI', base],
  ] as const) {
    Object.defineProperty(doc, key, { value, configurable: true });
  }
}

export async function makeParser(name: DomName): Promise<Parser> {
  if (name === 'linkedom') {
    const { DOMParser } = await import('linkedom');
    const parser = new DOMParser();
    return {
      parse(html, url) {
        const doc = parser.parseFromString(html, 'text/html') as unknown as Document;
        // linkedom does not build the tree the way an HTML5 parser does: elements before <head>
        // (yahoo-3 has a <div> there) stay children of <html>, and its `body` getter then makes a
        // new empty body. A browser would have put them at the start of the body: do the same.
        const root = doc.documentElement;
        const head = root.querySelector(':scope > head');
        const body = root.querySelector(':scope > body');
        if (body) {
          const stray = Array.from(root.children).filter((c) => c !== head && c !== body);
          for (const el of stray.reverse()) body.insertBefore(el, body.firstChild);
          if (head && root.firstElementChild !== head) root.insertBefore(head, root.firstChild);
        }
        placeAt(doc, url);
        return doc;
      },
      release: () => {},
    };
  }
  const { Window } = await import('happy-dom');
  let win: InstanceType<typeof Window> | null = null;
  return {
    parse(html, url) {
      // Nothing may be fetched or run: scripts, styles and frames are all disabled.
      win = new Window({
        url,
        settings: {
          disableJavaScriptEvaluation: true,
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          disableIframePageLoading: true,
          disableComputedStyleRendering: true,
          handleDisabledFileLoadingAsSuccess: true,
          navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
        },
      });
      // happy-dom's parsed documents stand at their window's address.
      return new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    },
    release() {
      void win?.happyDOM.abort();
      win?.close();
      win = null;
    },
  };
}
