// @vitest-environment happy-dom
/**
 * The actor page's statements and articles open with the latest ones; the "Show earlier" buttons
 * ask the background for the pages before and put them above, in date order; a reply for a page no
 * longer shown is dropped.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActorPage, ActorStatementsPage } from '../../lib/messaging/protocol';

const asked: { kind: string; payload: unknown }[] = [];
const replies = new Map<string, unknown>();
vi.mock('@/lib/messaging/transport', () => ({
  request: (kind: string, payload: unknown) => {
    asked.push({ kind, payload });
    return Promise.resolve({ ok: true, value: replies.get(kind) });
  },
}));
vi.mock('@/components/useBroadcast', () => ({ useBroadcast: () => undefined }));

const { ActorView } = await import('../../entrypoints/archive/ActorView');

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1);
const statement = (n: number): ActorPage['statements'][number] => ({
  articleId: n,
  claimId: `c${n}`,
  text: `Statement number ${n} about the harbour plan.`,
  kind: 'reported',
  date: T0 + n * DAY,
  title: `Article ${n}`,
  publisher: 'Example News',
  status: null,
  note: null,
});

const PAGE: ActorPage = {
  key: 'PER:ana lind',
  name: 'Ana Lind',
  type: 'PER',
  aliases: [],
  articles: [{ id: 9, title: 'Article 9', url: 'https://news.example/9', publisher: 'Example News', date: T0 + 9 * DAY, mentions: 2 }],
  total: 1,
  earlier: null,
  roles: [],
  statements: [statement(8), statement(9)],
  statementsTotal: 5,
  statementsEarlier: T0 + 8 * DAY,
  companions: [],
  companionsFrom: 1,
  rolesFrom: 1,
  ms: 3,
};

let root: HTMLElement;
beforeEach(() => {
  asked.length = 0;
  replies.clear();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const flush = async () => {
  for (let i = 0; i < 3; i++) await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
};
const said = () => [...root.querySelectorAll('[data-testid="actor-statement"] .claim-link')].map((a) => a.textContent);
const button = () => root.querySelector<HTMLButtonElement>('[data-testid="actor-statements-earlier"]');

describe('the actor page’s earlier statements', () => {
  it('opens with the latest, and puts the earlier ones above them when asked, until there are none', async () => {
    replies.set('archive/actor', PAGE);
    render(<ActorView actorKey="PER:ana lind" />, root);
    await flush();
    expect(root.textContent).toContain('5 statements');
    expect(said()).toEqual(['Statement number 8 about the harbour plan.', 'Statement number 9 about the harbour plan.']);
    expect(button()?.textContent).toBe('Show earlier statements (3 more)');

    const earlier: ActorStatementsPage = { statements: [statement(5), statement(6), statement(7)], earlier: null };
    replies.set('archive/actor-statements', earlier);
    await act(() => button()!.click());
    await flush();
    expect(asked.at(-1)).toEqual({ kind: 'archive/actor-statements', payload: { key: 'PER:ana lind', before: T0 + 8 * DAY } });
    expect(said().map((t) => t!.match(/\d+/)![0])).toEqual(['5', '6', '7', '8', '9']);
    expect(button()).toBeNull();
  });
});
