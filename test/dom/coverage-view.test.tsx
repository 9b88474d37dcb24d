// @vitest-environment happy-dom
/**
 * "Coverage in your archive" (issues #5, #19): the shared view renders the event's timeline in the
 * order given with "This article" at its place (earlier reports above, later below), says what each
 * piece shares and brought in, explains the empty states, and never turns article text into markup
 * or a `javascript:` URL into a link.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserPorts } from '../../components/browser-ports';
import { CoverageView, type CoverageViewProps } from '../../components/coverage';
import { Ports } from '../../components/ports';
import { formatDate } from '../../components/format';
import type { Coverage, CoverageItem, EarlierStatement } from '../../lib/messaging/protocol';

const DAY = 86_400_000;
// Local noon, so "3 days ago" does not depend on the time zone the tests run in.
const NOW = new Date(2025, 7, 20, 12, 0).getTime();

function item(p: Partial<CoverageItem> & Pick<CoverageItem, 'id' | 'title'>): CoverageItem {
  const date = p.date ?? NOW - 5 * DAY;
  return {
    url: `https://news.example/${p.id}`,
    publisher: null,
    published: new Date(date).toISOString(),
    savedAt: date,
    date,
    tier: 'same',
    score: 0.8,
    shared: { actors: [], places: [] },
    added: [],
    ...p,
  };
}

const same: CoverageItem[] = [
  item({
    id: 1,
    title: 'Drone strike hits Kyiv power plant',
    publisher: 'Reuters',
    date: NOW - 10 * DAY,
    shared: { actors: [{ key: 'PER:zelensky', name: 'Zelensky' }], places: [{ key: 'LOC:kyiv', name: 'Kyiv' }] },
  }),
  item({
    id: 2,
    title: 'Kyiv without power for a second night',
    publisher: 'BBC News',
    date: NOW - 3 * DAY,
    shared: { actors: [], places: [{ key: 'LOC:kyiv', name: 'Kyiv' }] },
    added: [
      { key: 'ORG:nato', name: 'Nato' },
      { key: 'PER:mark rutte', name: 'Mark Rutte' },
    ],
  }),
  item({ id: 3, title: 'Repairs begin at the plant', publisher: null, url: 'https://www.kyivindependent.com/x', date: NOW - DAY }),
];

const related: CoverageItem[] = [
  item({
    id: 7,
    title: 'Winter and the grid: a long read',
    publisher: 'The Guardian',
    tier: 'related',
    date: NOW - 90 * DAY,
    shared: { actors: [{ key: 'ORG:ukrenergo', name: 'Ukrenergo' }], places: [] },
  }),
];

const statement: EarlierStatement = {
  articleId: 1,
  claimId: 'c1',
  speaker: 'Zelensky',
  speakerKey: 'PER:zelensky',
  text: '“We will rebuild every plant,” he said.',
  kind: 'quote',
  date: NOW - 3 * DAY,
  title: 'Drone strike hits Kyiv power plant',
  url: 'https://news.example/1',
  publisher: 'Reuters',
  status: 'disputed',
};

function coverage(p: Partial<Coverage> = {}): Coverage {
  return {
    same,
    before: same.length,
    hereDate: NOW,
    related,
    newHere: {
      actors: [
        { key: 'PER:rutte', name: 'Rutte' },
        { key: 'LOC:odesa', name: 'Odesa' },
      ],
    },
    statements: [statement],
    archived: 42,
    ms: 3,
    ...p,
  };
}

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

function show(p: Partial<CoverageViewProps>): HTMLElement {
  render(
    <Ports.Provider value={browserPorts()}>
      <CoverageView coverage={null} loading={false} error={null} now={NOW} context="archive" articleHref={(id) => `#/article/${id}`} {...p} />
    </Ports.Provider>,
    root,
  );
  return root;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const all = (sel: string) => [...root.querySelectorAll(sel)];

describe('CoverageView', () => {
  it('shows the same event as a timeline in the order given, with dates, publishers and titles', () => {
    show({ coverage: coverage() });
    const items = all('[data-testid="coverage-same"]');
    expect(items.map((li) => text(li.querySelector('a')))).toEqual(['Drone strike hits Kyiv power plant', 'Kyiv without power for a second night', 'Repairs begin at the plant']);
    expect(root.querySelector('ol')?.contains(items[0]!)).toBe(true);
    expect(text(items[0])).toContain('10 days ago');
    expect(text(items[0])).toContain('Reuters');
    expect(text(items[1])).toContain('3 days ago');
    expect(text(items[1])).toContain('BBC News');
    expect(text(items[2])).toContain('yesterday');
    // No publisher: the site's name stands in.
    expect(text(items[2])).toContain('kyivindependent.com');
    const time = items[0]!.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe(new Date(NOW - 10 * DAY).toISOString());
    expect(text(time)).toBe(formatDate(NOW - 10 * DAY));
    // In the archive, titles open the archive's own reader.
    expect(items[1]!.querySelector('a')?.getAttribute('href')).toBe('#/article/2');
    // The article being read closes the timeline.
    const last = root.querySelector('ol > li:last-child');
    expect(text(last)).toContain('This article');
  });

  it('says "saved" before the date of a page that gave no publication date', () => {
    const undated = item({ id: 9, title: 'Plumes over Europa', publisher: 'ScienceAlert', published: null, date: NOW });
    show({ coverage: coverage({ same: [...same, undated] }) });
    const items = all('[data-testid="coverage-same"]');
    expect(text(items.at(-1)).startsWith('saved today · ')).toBe(true);
    expect(text(items[0]).startsWith('10 days ago · ')).toBe(true);
  });

  it('puts "This article" at its place on the timeline: earlier reports above it, later ones below', () => {
    const earlier = item({ id: 11, title: 'Bridge collapses in Genoa', date: NOW - 2 * DAY, shared: { actors: [], places: [{ key: 'LOC:genoa', name: 'Genoa' }] } });
    const later = item({ id: 12, title: 'Genoa bridge: the inquiry opens', date: NOW + 2 * DAY, added: [{ key: 'ORG:autostrade', name: 'Autostrade' }] });
    show({ coverage: coverage({ same: [earlier, later], before: 1, hereDate: NOW, newHere: { actors: [{ key: 'PER:matteo salvini', name: 'Matteo Salvini' }] } }) });
    const rows = all('ol.timeline > li');
    expect(rows.map((li) => (li.getAttribute('data-testid') === 'coverage-here' ? 'here' : text(li.querySelector('a'))))).toEqual([
      'Bridge collapses in Genoa',
      'here',
      'Genoa bridge: the inquiry opens',
    ]);
    expect(rows[0]!.getAttribute('data-when')).toBe('earlier');
    expect(rows[2]!.getAttribute('data-when')).toBe('later');
    expect(rows[1]!.getAttribute('aria-current')).toBe('true');
    expect(text(rows[1])).toContain('This article');
    expect(text(rows[1])).toContain('New here: Matteo Salvini');
    // The section says what it holds: the whole event, not only what came before.
    expect(text(root.querySelector('#coverage-h'))).toBe('Coverage in your archive');
    expect(text(root.querySelector('ol.timeline')?.previousElementSibling)).toBe('This event, in date order');
    // Everything later: "This article" opens the timeline.
    show({ coverage: coverage({ same: [later], before: 0, hereDate: NOW }) });
    expect(all('ol.timeline > li')[0]!.getAttribute('data-testid')).toBe('coverage-here');
  });

  it('says what each piece shares, what it brought in, and what is new here', () => {
    show({ coverage: coverage() });
    const items = all('[data-testid="coverage-same"]');
    expect(text(items[0])).toContain('Shares: Zelensky, Kyiv');
    expect(text(items[0])).not.toContain('Brought in');
    expect(text(items[1])).toContain('Shares: Kyiv');
    expect(text(items[1])).toContain('Brought in: Nato, Mark Rutte');
    expect(text(items[2])).not.toContain('Shares:');
    expect(text(root.querySelector('[data-testid="coverage-new-here"]'))).toBe('New here: Rutte, Odesa');
  });

  it('says which kinds of happening a piece reports in common, beside the names, when the matcher gives them', () => {
    const withKinds = item({ id: 21, title: 'Fact check: the Manchester debate', date: NOW - DAY, shared: { actors: [{ key: 'PER:rubio', name: 'Rubio' }], places: [], kinds: ['debate'] } });
    const kindsOnly = item({ id: 22, title: 'Debate ratings', date: NOW - DAY, shared: { actors: [], places: [], kinds: ['debate'] } });
    show({ coverage: coverage({ same: [withKinds, kindsOnly] }) });
    const items = all('[data-testid="coverage-same"]');
    expect(text(items[0])).toContain('Both report: debate. Shares: Rubio');
    expect(text(items[1])).toContain('Both report: debate.');
    expect(text(items[1])).not.toContain('Shares:');
  });

  it('leaves out "new here" when the article brings nothing new', () => {
    show({ coverage: coverage({ newHere: { actors: [] } }) });
    expect(root.querySelector('[data-testid="coverage-new-here"]')).toBeNull();
    expect(all('[data-testid="coverage-same"]')).toHaveLength(3);
  });

  it('lists related coverage and earlier statements with their speaker, date and review status', () => {
    show({ coverage: coverage() });
    const rel = all('[data-testid="coverage-related"]');
    expect(rel).toHaveLength(1);
    expect(text(rel[0])).toContain('Winter and the grid: a long read');
    expect(text(rel[0])).toContain('The Guardian');
    expect(text(rel[0])).toContain('Shares: Ukrenergo');
    // Older than a few weeks: the date only.
    expect(text(rel[0])).toContain(formatDate(NOW - 90 * DAY));
    expect(text(rel[0])).not.toContain('ago');

    const st = all('[data-testid="coverage-statement"]');
    expect(st).toHaveLength(1);
    // The claim's own words, as written (quote marks included), not wrapped in another pair.
    expect(text(st[0])).toContain('Zelensky, 3 days ago: “We will rebuild every plant,” he said.');
    expect(text(st[0]!.querySelector('a'))).toBe('Drone strike hits Kyiv power plant');
    expect(text(st[0])).toContain('Reuters');
    expect(text(st[0]!.querySelector('[data-testid="claim-status"]'))).toBe('Disputed');
  });

  it('says a statement of an undated article is dated by its saving, and names no time for the statements', () => {
    show({ coverage: coverage({ statements: [{ ...statement, date: NOW, undated: true }] }) });
    const st = all('[data-testid="coverage-statement"]');
    expect(text(st[0])).toContain('Zelensky, saved today: ');
    expect(all('.coverage-sub').map(text).at(-1)).toBe('Statements by those named in this article, in other articles');
  });

  it('sets a speaker’s words on other matters apart from those on this story, when there are both', () => {
    const other = { ...statement, claimId: 'c2', text: '“The new stadium will open in May,” he said.' };
    show({ coverage: coverage({ statements: [{ ...statement, onStory: true }, other] }) });
    expect(all('[data-testid="statements-on-story"] [data-testid="coverage-statement"]').map(text)[0]).toContain('We will rebuild every plant');
    expect(text(root.querySelector('.coverage-other-matters'))).toBe('On other matters');
    expect(root.querySelector('[data-testid="statements-other"]')!.getAttribute('aria-label')).toBe('On other matters');
    expect(all('[data-testid="statements-other"] [data-testid="coverage-statement"]').map(text)[0]).toContain('The new stadium will open in May');
    // none on this story: one list, no label that would say what the others are about
    show({ coverage: coverage({ statements: [statement, other] }) });
    expect(root.querySelector('.coverage-other-matters')).toBeNull();
    expect(all('[data-testid="coverage-statement"]')).toHaveLength(2);
  });

  it('names the statements for when they were made: earlier, later, or both, than the article', () => {
    const heading = () => all('.coverage-sub').map(text).at(-1);
    show({ coverage: coverage() });
    expect(heading()).toBe('Earlier statements by those named in this article');
    show({ coverage: coverage({ statements: [{ ...statement, date: NOW + 2 * DAY }] }) });
    expect(heading()).toBe('Later statements by those named in this article');
    show({ coverage: coverage({ statements: [statement, { ...statement, claimId: 'c2', date: NOW + 2 * DAY }] }) });
    expect(heading()).toBe('Statements by those named in this article, in other articles');
  });

  it('explains how an empty archive fills, and offers the options', () => {
    let opened = 0;
    show({ coverage: coverage({ same: [], related: [], statements: [], archived: 0 }), context: 'panel', onOpenOptions: () => opened++ });
    const empty = root.querySelector('[data-testid="coverage-empty"]');
    expect(text(empty)).toContain('Your archive is empty');
    expect(text(empty)).toContain('Save button');
    expect(text(empty)).toContain('automatic saving');
    (root.querySelector('[data-testid="coverage-options"]') as HTMLButtonElement).click();
    expect(opened).toBe(1);
  });

  it('says so when automatic saving is already on', () => {
    show({ coverage: coverage({ same: [], related: [], statements: [], archived: 0 }), context: 'panel', autoSaveOn: true, onOpenOptions: () => undefined });
    const empty = root.querySelector('[data-testid="coverage-empty"]');
    expect(text(empty)).toContain('Automatic saving is on');
    expect(root.querySelector('[data-testid="coverage-options"]')).toBeNull();
  });

  it('says when nothing in a non-empty archive covers the event', () => {
    show({ coverage: coverage({ same: [], related: [], statements: [], newHere: { actors: [] }, archived: 12 }) });
    expect(text(root.querySelector('[data-testid="coverage-empty"]'))).toBe('None of the 11 other articles in your archive covers this event yet.');
    expect(all('[data-testid="coverage-same"]')).toHaveLength(0);
  });

  it('does not count the article itself among the archive’s articles', () => {
    const none = { same: [], related: [], statements: [], newHere: { actors: [] } };
    // Saved, and the only article: nothing else to compare with, said as such.
    show({ coverage: coverage({ ...none, archived: 1 }), context: 'panel', selfSaved: true, onOpenOptions: () => undefined });
    expect(text(root.querySelector('[data-testid="coverage-empty"]'))).toContain('This is the only article in your archive so far.');
    expect(text(root.querySelector('[data-testid="coverage-empty"]'))).not.toContain('(1 article)');
    // Not saved: the one archived article is another one.
    show({ coverage: coverage({ ...none, archived: 1 }), context: 'panel', selfSaved: false });
    expect(text(root.querySelector('[data-testid="coverage-empty"]'))).toBe('The one other article in your archive does not cover this event.');
    // The archive's reader always shows a saved article.
    show({ coverage: coverage({ ...none, archived: 5 }), context: 'archive' });
    expect(text(root.querySelector('[data-testid="coverage-empty"]'))).toBe('None of the 4 other articles in your archive covers this event yet.');
  });

  it('shows loading and errors', () => {
    show({ loading: true });
    expect(text(root.querySelector('[data-testid="coverage"]'))).toContain('Looking through your archive');
    show({ error: 'The extension is restarting. Try again in a moment.' });
    expect(text(root.querySelector('[role="alert"]'))).toBe('The extension is restarting. Try again in a moment.');
    expect(text(root)).not.toContain('Looking through your archive');
  });

  it('renders hostile titles as text and links only http(s) pages', () => {
    const hostile = item({ id: 9, title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)', publisher: '<b>Evil</b>', date: NOW - 2 * DAY });
    show({ coverage: coverage({ same: [hostile, same[1]!], statements: [] }), context: 'panel' });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    const [bad, good] = all('[data-testid="coverage-same"]');
    expect(text(bad)).toContain('<img src=x onerror=alert(1)>');
    expect(text(bad)).toContain('<b>Evil</b>');
    // The hostile page gets no link to itself, only the one to its saved copy in the archive.
    expect(bad!.querySelectorAll('a[target="_blank"][rel="noopener noreferrer"]')).toHaveLength(0);
    expect(all('a').some((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? ''))).toBe(false);
    expect(bad!.querySelector('a.coverage-archive-link')?.getAttribute('href')).toMatch(/\/archive\.html#\/article\/9$/);
    // The same markup with an https page does link out, in a new tab.
    const out = good!.querySelector('a[target="_blank"][rel="noopener noreferrer"]');
    expect(out?.getAttribute('href')).toBe('https://news.example/2');
    expect(text(out)).toBe('Kyiv without power for a second night');
    expect(all('[onerror], [onclick]')).toHaveLength(0);
  });
});
