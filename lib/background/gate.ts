/**
 * Who may ask the background for what, and in what shape (issue #15: least privilege).
 *
 * Two kinds of sender reach the background's one message listener:
 *   - a tab's content script (`content`): it runs inside web pages, any of which may be hostile, so it
 *     may send only what the page's lifecycle needs: report the article it read, ask what the
 *     archive knows of an actor for the hover card, and open that actor's archive page;
 *   - the extension's own pages (`extension`): the side panel (Chrome's side panel and Firefox's
 *     sidebar send with no `sender.tab`), the archive page and the options page, recognised by a
 *     `sender.url` inside the extension's own origin (`runtime.getURL('')`). Only they may read or
 *     change the archive, make or import backups, act on a tab through `panel/*`, or see and steer
 *     sync (`sync/*`).
 *
 * Every request kind has exactly one rule here (the type requires it, and test/extension/gate.test.ts
 * runs every kind from both senders), and every payload is checked at this boundary against its shape
 * and limits before a handler sees it, with the same checks (lib/archive/schema.ts) a backup's
 * records get. A refusal is a reader-facing error, and nothing is read or written.
 */
import { GROUP_NAMES } from '../sync/shared-settings';
import type { Browser } from 'wxt/browser';
import { MAX_NOTE } from '../archive/claims';
import { PART_CHARS } from '../archive/backup-state';
import { At, checkArticle, checkRecord, decimal, integer, isPlainObject, kindOf, LIMITS, list, MAX_TIME, oneOf, RecordError, shape, text, type Check } from '../archive/schema';
import type { RequestName, RequestOf } from '../messaging/protocol';
import { UserFacingError, type Handlers } from '../messaging/transport';
import type { ExtractResult } from '../types';

export type SenderKind = 'content' | 'extension';

/** At most this many articles per bulk request (delete, restore, tag, export). */
export const MAX_BULK = 5000;

/**
 * Who sent a message: one of the extension's own pages, a tab's content script, or neither (null:
 * another extension, a page of no tab). `extensionBase` is `runtime.getURL('')`, ending in "/".
 */
export function senderKind(sender: Pick<Browser.runtime.MessageSender, 'tab' | 'url'> | undefined, extensionBase: string): SenderKind | null {
  const url = sender?.url;
  if (typeof url !== 'string' || !url) return null;
  if (extensionBase && url.startsWith(extensionBase)) return 'extension';
  if (sender?.tab?.id !== undefined) return 'content';
  return null;
}

interface Rule<K extends RequestName> {
  from: SenderKind;
  payload: Check<RequestOf<K>>;
}

const tabId = integer(0, Number.MAX_SAFE_INTEGER);
const articleId = integer(1, Number.MAX_SAFE_INTEGER);
const ids = list(integer(1, Number.MAX_SAFE_INTEGER), MAX_BULK);
const offset = integer(0, 1e9);
const limit = integer(0, 1e6);
const when = decimal(-MAX_TIME, MAX_TIME);
const key = text(LIMITS.name);
const claimId = text(LIMITS.claimId);
const none = shape<Record<string, never>>({}, [], {}, 'drop');

/** Fields this request may carry; others are left out. */
function fields<T>(checks: { [K in keyof T]-?: Check<T[K]> }, required: readonly (keyof T)[]): Check<T> {
  return shape<T>(checks, required, {}, 'drop');
}

/** A review as the UI sends it (null: clear it); the handler cleans it further (`cleanReview`). */
const review: Check<{ status: string; note?: string; evidence?: string[] } | null> = (x, at) =>
  x === null
    ? null
    : fields<{ status: string; note?: string; evidence?: string[] }>({ status: text(40), note: text(MAX_NOTE * 4), evidence: list(text(LIMITS.evidenceUrl * 2), 100) }, ['status'])(x, at);

/** What a content script reports: the article it read (checked like a record's fields), or why there is none. */
const extractResult: Check<ExtractResult> = (x, at) => {
  if (!isPlainObject(x)) return at.fail(`should be an object, not ${kindOf(x)}`);
  const ms = decimal(0, 1e9);
  if (x.ok === true) return { ok: true, article: checkArticle(x.article, at.field('article')), ms: ms(x.ms, at.field('ms')) };
  if (x.ok === false) {
    return {
      ok: false,
      reason: oneOf(['not-article', 'empty', 'unsupported-page'] as const)(x.reason, at.field('reason')),
      message: text(2000, 'shorten')(x.message, at.field('message')),
      ms: ms(x.ms, at.field('ms')),
    };
  }
  return at.fail('should say whether an article was found');
};

/** A record a page sends back to be put back: the schema a backup's records get. */
const record: Check<RequestOf<'archive/restore'>['record']> = (x, at) => checkRecord(x, at);

const RULES: { [K in RequestName]: Rule<K> } = {
  'content/report': { from: 'content', payload: fields({ url: text(2 * 1024 * 1024), result: extractResult }, ['url', 'result']) },
  'content/actor-info': { from: 'content', payload: fields({ key }, ['key']) },
  // Only an actor of the article read on the sender's own tab (checked by the handler, as for actor-info).
  'content/open-actor': { from: 'content', payload: fields({ key }, ['key']) },

  'panel/state': { from: 'extension', payload: fields({ tabId }, ['tabId']) },
  'panel/activate': { from: 'extension', payload: fields({ tabId }, ['tabId']) },
  'panel/save': { from: 'extension', payload: fields({ tabId }, ['tabId']) },
  'panel/remove': { from: 'extension', payload: fields({ tabId }, ['tabId']) },
  'panel/reveal': { from: 'extension', payload: fields({ tabId, actorKey: key }, ['tabId', 'actorKey']) },
  'panel/review': { from: 'extension', payload: fields({ tabId, claimId, review: review as Check<RequestOf<'panel/review'>['review']> }, ['tabId', 'claimId', 'review']) },
  'panel/mark-claim': { from: 'extension', payload: fields({ tabId, text: text(LIMITS.text) }, ['tabId']) },
  'panel/reveal-claim': { from: 'extension', payload: fields({ tabId, claimId }, ['tabId', 'claimId']) },
  'panel/coverage': { from: 'extension', payload: fields({ tabId }, ['tabId']) },

  'archive/claims': {
    from: 'extension',
    payload: fields<RequestOf<'archive/claims'>>({ status: text(40) as Check<RequestOf<'archive/claims'>['status'] & string>, speaker: text(LIMITS.short), from: when, to: when, offset, limit }, [
      'offset',
      'limit',
    ]),
  },
  'archive/review': { from: 'extension', payload: fields({ articleId, claimId, review: review as Check<RequestOf<'archive/review'>['review']> }, ['articleId', 'claimId', 'review']) },
  'archive/list': { from: 'extension', payload: fields({ offset, limit, actorKey: key }, ['offset', 'limit']) },
  'archive/coverage': { from: 'extension', payload: fields({ id: articleId }, ['id']) },
  'archive/search': {
    from: 'extension',
    payload: fields<RequestOf<'archive/search'>>(
      {
        text: text(LIMITS.short),
        actorKey: key,
        publisher: text(LIMITS.short),
        tag: text(LIMITS.short),
        claimStatus: text(40) as Check<RequestOf<'archive/search'>['claimStatus'] & string>,
        from: when,
        to: when,
        offset,
        limit,
      },
      ['offset', 'limit'],
    ),
  },
  'archive/facets': { from: 'extension', payload: none },
  'archive/tag': { from: 'extension', payload: fields({ ids, add: list(text(LIMITS.short), 100), remove: list(text(LIMITS.short), 100) }, ['ids', 'add', 'remove']) },
  'archive/delete-many': { from: 'extension', payload: fields({ ids }, ['ids']) },
  'archive/restore-many': {
    from: 'extension',
    payload: fields({ records: (x, at) => list(record, MAX_BULK)(x, at) }, ['records']),
  },
  'archive/get': { from: 'extension', payload: fields({ id: articleId }, ['id']) },
  'archive/actor': { from: 'extension', payload: fields({ key }, ['key']) },
  'archive/actor-articles': { from: 'extension', payload: fields({ key, before: articleId }, ['key', 'before']) },
  'archive/actor-statements': { from: 'extension', payload: fields({ key, before: when }, ['key', 'before']) },
  'archive/story': { from: 'extension', payload: fields({ id: articleId }, ['id']) },
  'archive/delete': { from: 'extension', payload: fields({ id: articleId }, ['id']) },
  'archive/restore': { from: 'extension', payload: fields({ record }, ['record']) },
  'archive/stats': { from: 'extension', payload: none },
  'archive/export': {
    from: 'extension',
    payload: (x, at) => {
      const r = fields<{ format: 'backup' | 'markdown' | 'json' | 'annotations'; ids?: number[]; actors?: boolean }>(
        { format: oneOf(['backup', 'markdown', 'json', 'annotations'] as const), ids, actors: (v, a) => (typeof v === 'boolean' ? v : a.fail(`should be true or false, not ${kindOf(v)}`)) },
        ['format'],
      )(x, at);
      return r.format === 'backup' ? { format: 'backup' } : r;
    },
  },
  'archive/transfer': { from: 'extension', payload: fields({ transfer: text(100), part: integer(0, 1e6) }, ['transfer', 'part']) },
  'archive/import-part': {
    from: 'extension',
    payload: fields({ transfer: text(100), part: integer(0, 1e6), parts: integer(1, 1e6), text: text(PART_CHARS) }, ['transfer', 'part', 'parts', 'text']),
  },
  'archive/import': { from: 'extension', payload: fields({ transfer: text(100) }, ['transfer']) },

  // Sync (issue #23): the options page's; a page Backstory reads may neither see nor steer it.
  'sync/state': { from: 'extension', payload: none },
  'sync/on': {
    from: 'extension',
    payload: fields<RequestOf<'sync/on'>>({ url: text(2048), username: text(256), password: text(1024), passphrase: text(1024) }, ['url', 'passphrase']),
  },
  'sync/off': { from: 'extension', payload: fields({ deleteRemote: (v, a) => (typeof v === 'boolean' ? v : a.fail(`should be true or false, not ${kindOf(v)}`)) }, ['deleteRemote']) },
  'sync/now': { from: 'extension', payload: none },
  'sync/share': { from: 'extension', payload: fields<RequestOf<'sync/share'>>({ groups: list(oneOf(GROUP_NAMES), GROUP_NAMES.length) }, ['groups']) },
};

/** The request kinds and who may send each: for tests and documentation. */
export function requestRules(): { [K in RequestName]: SenderKind } {
  return Object.fromEntries(Object.entries(RULES).map(([k, r]) => [k, r.from])) as { [K in RequestName]: SenderKind };
}

export const FROM_A_PAGE =
  'Backstory refused this request: it came from a web page, and only Backstory’s own pages (the side panel, the archive) may read or change the archive. Nothing was read or changed.';
const FROM_NOWHERE = 'Backstory refused this request: it did not come from one of its own pages or from a page it reads. Nothing was read or changed.';
const NOT_FOR_PAGES = 'Backstory refused this request: only a page it reads may send it. Nothing was changed.';

/** Handlers that check who sends each request and what it carries before running it; the only kind `serve` takes. */
export type GatedHandlers = Handlers & { readonly gated: true };

/**
 * Wraps every handler: a request from the wrong kind of sender is refused, a payload that does not
 * fit its shape is refused with what is wrong, and only then does the handler run, with the checked
 * payload (unknown fields left out).
 */
export function gate(handlers: Handlers, extensionBase: string): GatedHandlers {
  const out: Record<string, unknown> = { gated: true };
  for (const name of Object.keys(RULES) as RequestName[]) {
    const rule = RULES[name] as Rule<RequestName>;
    const run = handlers[name] as (p: unknown, s?: Browser.runtime.MessageSender) => Promise<unknown>;
    out[name] = async (payload: unknown, sender?: Browser.runtime.MessageSender) => {
      const kind = senderKind(sender, extensionBase);
      if (kind !== rule.from) throw new UserFacingError(kind === 'content' ? FROM_A_PAGE : kind === 'extension' ? NOT_FOR_PAGES : FROM_NOWHERE);
      let checked: unknown;
      try {
        checked = rule.payload(payload, new At(`Backstory refused the request “${name}”`, ''));
      } catch (err) {
        if (err instanceof RecordError) throw new UserFacingError(`${err.message} Nothing was changed.`);
        throw err;
      }
      return run(checked, sender);
    };
  }
  return out as GatedHandlers;
}
