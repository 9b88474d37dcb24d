/**
 * The few `chrome.*` calls that Node-side tools run *inside* the browser through Playwright's
 * `evaluate` (in the extension's worker or pages). Declared here because the extension's own code
 * uses WXT's `browser` and does not declare `chrome`.
 */
declare const chrome: {
  tabs: { query(q: Record<string, unknown>): Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage(msg: unknown): Promise<unknown> };
  storage: { local: { get(key: string | null): Promise<Record<string, unknown>> } };
};
