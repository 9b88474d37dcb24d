/**
 * What dexie-export-import expects of its surroundings, for the places that lack it. The add-on
 * reads the global `self` when it is loaded (to learn whether it runs in a worker), and after every
 * export it reads a (usually empty) Blob with `FileReader`. Browsers and the extension's service
 * worker have both; Node (unit and extension tests, the CLI tools) has neither. Imported by
 * ./backup.ts before the add-on, so the add-on finds them. In a browser this does nothing.
 */
const g = globalThis as { self?: unknown; FileReader?: unknown };
g.self ??= globalThis;

type ReaderEvent = { target: MinimalFileReader };

/** The part of FileReader the add-on uses: read a Blob as text or bytes, then call onload or onerror. */
class MinimalFileReader {
  result: string | ArrayBuffer | null = null;
  error: unknown = null;
  onload: ((ev: ReaderEvent) => void) | null = null;
  onerror: ((ev: ReaderEvent) => void) | null = null;
  onabort: ((ev: ReaderEvent) => void) | null = null;

  readAsText(blob: Blob): void {
    this.settle(blob.text());
  }

  readAsArrayBuffer(blob: Blob): void {
    this.settle(blob.arrayBuffer());
  }

  private settle(p: Promise<string | ArrayBuffer>): void {
    p.then(
      (r) => {
        this.result = r;
        this.onload?.({ target: this });
      },
      (err: unknown) => {
        this.error = err;
        this.onerror?.({ target: this });
      },
    );
  }
}

g.FileReader ??= MinimalFileReader;

export {};
