/**
 * Issue #19: news organisations named only as the source of a report ("according to Reuters") are
 * marked, so that the event's fingerprint, the timeline's names and the glance leave them out.
 */
import { describe, expect, it } from 'vitest';
import { buildActors, type NameFacts } from '../../lib/nlp/actors.ts';
import { citedAt, citedOutlets, isOutletName } from '../../lib/nlp/outlets.ts';
import type { Actor, EntityType, Mention } from '../../lib/types.ts';

function mark(paragraphs: string[], spec: [number, string, EntityType][]): Mention[] {
  const from = new Map<number, number>();
  return spec.map(([p, text, type]) => {
    const start = paragraphs[p]!.indexOf(text, from.get(p) ?? 0);
    if (start < 0) throw new Error(`"${text}" not in paragraph ${p}`);
    from.set(p, start + text.length);
    return { paragraph: p, start, end: start + text.length, text, type };
  });
}
const facts = (): NameFacts => ({ org: false, loc: false, cityOnly: false, firstName: false });
const at = (p: string, name: string) => ({ start: p.indexOf(name), end: p.indexOf(name) + name.length });

describe('a mention that cites its name', () => {
  it.each([
    ['According to Reuters, the talks stalled.', 'Reuters'],
    ['The Brakia Times first reported on Friday that the mine would close.', 'Brakia Times'],
    ['“We will appeal,” she told the Brakia Herald.', 'Brakia Herald'],
    ['Law enforcement sources tell TMZ the dress was taken.', 'TMZ'],
    ['The memo, which was seen by The Real Deal, lists 4,000 jobs.', 'Real Deal'],
    ['A CNN poll puts her ahead.', 'CNN'],
    ['Bloomberg’s report said the fund would shrink.', 'Bloomberg'],
    ['CNN has learned that the vote is delayed.', 'CNN'],
    ['BRAKIA CITY (Reuters) — The vote was delayed.', 'Reuters'],
    ['“We are cooperating,” a spokesperson said when contacted by Reuters.', 'Reuters'],
  ])('cites in %j', (p, name) => {
    expect(citedAt(p, at(p, name))).toBe(true);
  });
  it.each([
    ['CNN fired its anchor on Monday.', 'CNN'],
    ['Reuters opened a bureau in Brakia.', 'Reuters'],
    ['Shares of the Brakia Times fell 4%.', 'Brakia Times'],
  ])('does not cite in %j', (p, name) => {
    expect(citedAt(p, at(p, name))).toBe(false);
  });
});

describe('names of news organisations', () => {
  it('reads newspapers, broadcasters and agencies as news organisations, not other bodies', () => {
    expect(['Reuters', 'Agence France-Presse', 'The Brakia Herald', 'Sioux Falls Argus Leader', 'NBC News', 'The Verge', 'USA Today'].filter(isOutletName)).toHaveLength(7);
    expect(['Indiana State Police', 'CDC', 'WeWork', 'Ministry of Health', 'Brakia County Water Board'].filter(isOutletName)).toEqual([]);
  });
});

describe('cited outlets among an article’s actors', () => {
  const ps = [
    'Brakia Water laid off 200 workers on Monday, according to the Brakia Herald.',
    'The company’s chief, Ann Roe, told Reuters the cuts were over. Reuters reported that the CDC had been told.',
    'According to the CDC, the water is safe.',
  ];
  const ms = mark(ps, [
    [0, 'Brakia Water', 'ORG'],
    [0, 'Brakia Herald', 'ORG'],
    [1, 'Ann Roe', 'PER'],
    [1, 'Reuters', 'ORG'],
    [1, 'Reuters', 'ORG'],
    [1, 'CDC', 'ORG'],
    [2, 'CDC', 'ORG'],
  ]);

  it('marks a news organisation every mention of which cites it, and no body the article also cites', () => {
    const { actors } = buildActors(ps, ms, { facts });
    const marked = actors.filter((a) => a.outlet).map((a) => a.name);
    expect(marked.sort()).toEqual(['Brakia Herald', 'Reuters']);
    expect(actors.find((a) => a.name === 'CDC')?.outlet).toBeUndefined();
  });

  it('keeps a news organisation the article reports on as well as cites', () => {
    const more = [...ps, 'Reuters will close its Brakia bureau next year.'];
    const { actors } = buildActors(more, [...ms, ...mark(more, [[3, 'Reuters', 'ORG']])], { facts });
    expect(actors.find((a) => a.name === 'Reuters')?.outlet).toBeUndefined();
  });

  it('marks the page’s own publisher named as a source of its report, whatever its name', () => {
    const p = ['The email, seen by Brakia Watch, says the office will close.'];
    const ms1 = mark(p, [[0, 'Brakia Watch', 'ORG']]);
    expect(buildActors(p, ms1, { facts }).actors[0]?.outlet).toBeUndefined();
    expect(buildActors(p, ms1, { facts, publishers: ['Brakia Watch New York', null] }).actors[0]?.outlet).toBe(true);
    expect(buildActors(p, ms1, { facts, publishers: ['Brakia Watchers'] }).actors[0]?.outlet).toBeUndefined();
  });

  it('leaves people and places alone', () => {
    const actors: Actor[] = [{ key: 'PER:ann roe', name: 'Ann Roe', type: 'PER', aliases: ['Ann Roe'], mentions: 1, role: null }];
    const p = ['It was reported by Ann Roe.'];
    expect(citedOutlets(p, [{ ...mark(p, [[0, 'Ann Roe', 'PER']])[0]!, actorKey: 'PER:ann roe' }], actors).size).toBe(0);
  });
});
