/**
 * Issue #19: news organisations named only as the source of a report ("according to Reuters") are
 * marked, so that the timeline's names and the glance leave them out.
 */
import { describe, expect, it } from 'vitest';
import { citedAt, citedOutlets, isOutletName } from '../../lib/nlp/outlets.ts';
import type { Actor } from '../../lib/types.ts';

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
    ['The mine will close, the company said, citing Reuters.', 'Reuters'],
    ['“It is over,” she said in an interview on CNN.', 'CNN'],
    ['CNN’s Jake Tapper asked her twice.', 'CNN'],
    ['Photo: Reuters/Jane Roe', 'Reuters'],
    ['“We are cooperating,” a spokesperson said when contacted by Reuters.', 'Reuters'],
    ['He will not contest the charge, his lawyer said in an email to The Associated Press.', 'Associated Press'],
    ['Her office did not immediately respond to The Hill’s request for comment.', 'Hill'],
    ['The ministry did not answer a Reuters inquiry.', 'Reuters'],
  ])('cites in %j', (p, name) => {
    expect(citedAt(p, at(p, name))).toBe(true);
  });
  it.each([
    ['CNN fired its anchor on Monday.', 'CNN'],
    ['Reuters opened a bureau in Brakia.', 'Reuters'],
    ['Shares of the Brakia Times fell 4%.', 'Brakia Times'],
    ['The Brakia Times reported a 9% rise in digital subscriptions.', 'Brakia Times'],
    ['The Brakia Post was reported to be for sale.', 'Brakia Post'],
    ['Bloomberg’s own terminals were down.', 'Bloomberg'],
  ])('does not cite in %j', (p, name) => {
    expect(citedAt(p, at(p, name))).toBe(false);
  });
});

describe('names of news organisations', () => {
  it('reads newspapers, broadcasters and agencies as news organisations, not other bodies', () => {
    expect(['Reuters', 'Agence France-Presse', 'The Brakia Herald', 'Sioux Falls Argus Leader', 'NBC News', 'The Verge', 'USA Today'].filter(isOutletName)).toHaveLength(7);
    expect(['Xinhua News Agency', 'Radio Free Asia', 'The Atlantic', 'Daily Mail', 'The Hill', 'USA TODAY', 'The Globe and Mail', 'Toronto Star', 'WSJ'].filter(isOutletName)).toHaveLength(9);
    expect(['Indiana State Police', 'CDC', 'WeWork', 'Ministry of Health', 'Brakia County Water Board'].filter(isOutletName)).toEqual([]);
    // A news word inside another body's name, or a company's.
    const bodies = [
      'Guardian Council',
      'Cook County Medical Examiner',
      'Post Office',
      'Oxford University Press',
      'Times Square Alliance',
      'White House Press Office',
      'Corporation for Public Broadcasting',
      'Emergency Dispatch Center',
      'The New York Times Company',
    ];
    expect(bodies.filter(isOutletName)).toEqual([]);
  });
});

describe('cited outlets among an article’s actors', () => {
  it('are organisations only', () => {
    const actors: Actor[] = [{ key: 'PER:ann roe', name: 'Ann Roe', type: 'PER', aliases: ['Ann Roe'], mentions: 1, role: null }];
    const p = 'It was reported by Ann Roe.';
    const mention = { paragraph: 0, ...at(p, 'Ann Roe'), text: 'Ann Roe', type: 'PER' as const, actorKey: 'PER:ann roe' };
    expect(citedOutlets([p], [mention], actors).size).toBe(0);
    const wire: Actor[] = [{ key: 'ORG:reuters', name: 'Reuters', type: 'ORG', aliases: ['Reuters'], mentions: 1, role: null }];
    const q = 'It was reported by Reuters.';
    expect(citedOutlets([q], [{ paragraph: 0, ...at(q, 'Reuters'), text: 'Reuters', type: 'ORG', actorKey: 'ORG:reuters' }], wire)).toEqual(new Set(['ORG:reuters']));
  });
});
