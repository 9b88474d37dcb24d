/**
 * What dexie-export-import expects of its surroundings, for Node, where the unit and extension
 * tests run (a setup file of the unit project, vitest.config.ts). The add-on reads the global `self`
 * when it is loaded (to learn whether it runs in a worker), and after every export it reads a
 * (usually empty) Blob with `FileReader`. Browsers and the extension's service worker have both, so
 * the extension itself carries no stand-in; Node has neither. The CLI tools do not export.
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
