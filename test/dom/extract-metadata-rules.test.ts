/**
 * Issue 16's metadata rules, each on a small page written for the test: the date in the page's own
 * zone, a date from a visible dateline, the byline or the URL, JSON-LD @graph and arrays, the
 * publisher's name as it writes it, no author in the title, no byline that repeats the publisher.
 */
import { DOMParser } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../components/format';
import { dateInText, normaliseDate, statedClock } from '../../lib/extract/date';
import { extractArticle } from '../../lib/extract/index';
import { findPublished, findPublisher, readPageMeta } from '../../lib/extract/metadata';
import type { Article } from '../../lib/types';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const BODY = '<p>The council said on Thursday that the new bridge would open in the spring, three months later than planned, because of delays in the delivery of steel from abroad.</p>'.repeat(4);

function read(head: string, body: string, url = 'https://news.example.com/story/bridge-opens-late'): Article {
  const html = `<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
  const r = extractArticle(parse(html), url);
  if (!r.ok) throw new Error(`expected an article, got ${r.reason}`);
  return r.article;
}
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
const published = (head: string, body = '<p>x</p>', opts: { byline?: string; pageUrl?: string } = {}) => {
  const doc = parse(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
  return findPublished(doc, readPageMeta(doc), null, opts);
};

describe('the date the page states, in its own zone', () => {
  // In New York, 16 November 08:00 in Sydney (+10:00) is still 15 November: the old display.
  let tz: string | undefined;
  beforeEach(() => {
    tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
  });
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('keeps the offset and shows the calendar date the page states, wherever the reader is', () => {
    const a = read(
      `<title>Bridge opens late</title>${ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Bridge opens late', datePublished: '2019-11-16T08:00:00+10:00' })}`,
      `<article><h1>Bridge opens late</h1>${BODY}</article>`,
    );
    expect(a.published).toBe('2019-11-16T08:00:00+10:00');
    const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(formatDate(a.published)).toBe(day(2019, 11, 16));
    // The same moment as the old records wrote it (UTC) is shown in the reader's zone, as before.
    expect(formatDate('2019-11-15T22:00:00Z')).toBe(day(2019, 11, 15));
    // A calendar date is that date everywhere (new Date('2019-11-16') is 15 November in New York).
    expect(formatDate('2019-11-16')).toBe(day(2019, 11, 16));
  });

  it("a time in UTC gives way to the same moment written in the page's zone elsewhere", () => {
    const head = `${ld({ '@type': 'NewsArticle', datePublished: '2019-11-16T23:30:00Z' })}<meta property="article:published_time" content="2019-11-16T15:30:00-08:00">`;
    expect(published(head)).toBe('2019-11-16T15:30:00-08:00');
    // A different moment does not replace it.
    expect(published(`${ld({ '@type': 'NewsArticle', datePublished: '2019-11-16T23:30:00Z' })}<meta property="article:published_time" content="2019-11-17T15:30:00-08:00">`)).toBe(
      '2019-11-16T23:30:00+00:00',
    );
  });

  it('stated clocks for display; UTC moments and anything else are not', () => {
    expect(statedClock('2019-11-16T08:00:00+10:00')).toBe(Date.UTC(2019, 10, 16, 8, 0));
    expect(statedClock('2019-11-16')).toBe(Date.UTC(2019, 10, 16));
    expect(statedClock('2019-11-15T22:00:00Z')).toBeNull();
    expect(statedClock('16 November')).toBeNull();
    expect(normaliseDate('1573941600')).toBe('2019-11-16T22:00:00Z');
  });
});

describe('a date whenever the page carries one', () => {
  it('JSON-LD in an @graph, with datePublished as an array or only on the WebPage node', () => {
    expect(
      published(
        ld({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebSite', name: 'Example' },
            { '@type': 'NewsArticle', datePublished: ['2021-03-04T05:06:07+01:00'] },
          ],
        }),
      ),
    ).toBe('2021-03-04T05:06:07+01:00');
    expect(
      published(
        ld({
          '@graph': [
            { '@type': 'WebPage', datePublished: '2021-03-04' },
            { '@type': 'Person', name: 'A' },
          ],
        }),
      ),
    ).toBe('2021-03-04');
  });

  it('a visible dateline when the metadata says nothing', () => {
    expect(published('', '<h1>Headline</h1><p class="article-dateline">Published 16 November 2019</p><p>Text.</p>')).toBe('2019-11-16');
    expect(published('', '<div class="byline-date">Published 7:07 PM EST Nov. 19, 2019</div>')).toBe('2019-11-19');
    expect(published('', '<div class="byline-date">Updated Nov. 19, 2019 7:07 pm EST</div>')).toBe('2019-11-19T19:07:00-05:00');
    expect(published('', '<span id="story-date">Monday, November 18th, 2019 at 11:08 a.m.</span>')).toBe('2019-11-18T11:08:00+00:00');
    // A date elsewhere in the text is not a dateline.
    expect(published('', '<p>The law passed on 16 November 2019.</p>')).toBeNull();
  });

  it('the byline, then the URL, as the last resorts', () => {
    expect(published('', '<p>x</p>', { byline: 'Jeff Foust — November 18, 2019' })).toBe('2019-11-18');
    expect(published('', '<p>x</p>', { pageUrl: 'https://example.com/news/2019/11/16/story' })).toBe('2019-11-16');
    expect(published('', '<p>x</p>', { pageUrl: 'https://example.com/world/2019/nov/16/story' })).toBe('2019-11-16');
    expect(published('', '<p>x</p>', { pageUrl: 'https://example.com/2019/13/40/story' })).toBeNull();
  });

  it('dates in running text: day-month, month-day, ISO, with a time before or after', () => {
    expect(dateInText('Associated Press November 19, 2019, 9:02 AM')).toEqual({ date: '2019-11-19T09:02:00+00:00', at: 17 });
    expect(dateInText('Updated 16.11.2019')?.date).toBe('2019-11-16');
    expect(dateInText('Published 16 November 2019 at 23:10 AEDT')?.date).toBe('2019-11-16T23:10:00+11:00');
    expect(dateInText('Mayor 2 2019')).toBeNull();
  });
});

describe('publisher names as the publisher writes them', () => {
  const publisher = (head: string, body = '<p>x</p>', url = 'https://www.example.com/a/b') => {
    const doc = parse(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
    return findPublisher(doc, readPageMeta(doc), { pageUrl: url, headline: 'Headline' }).publisher;
  };

  it('run-together words give way to the spaced form the page writes elsewhere', () => {
    expect(publisher(`<meta property="og:site_name" content="HeraldSun">${ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Herald Sun' } })}`)).toBe('Herald Sun');
    expect(publisher('<meta property="al:ios:app_name" content="NYTimes"><title>Headline - The New York Times</title>')).toBe('The New York Times');
    expect(publisher('<meta property="og:site_name" content="NYTimes"><title>Headline - Times of India</title>')).toBe('NYTimes');
    expect(publisher('<meta property="og:site_name" content="TheHill"><title>Headline | The Hill</title>')).toBe('The Hill');
    // Without a spaced form in the page, the name stays as written (no word lists).
    expect(publisher('<meta property="og:site_name" content="VentureBeat"><title>Headline | VentureBeat</title>')).toBe('VentureBeat');
  });

  it('a slug, a handle or an address gives way to the name in the copyright line or the title', () => {
    expect(publisher('<meta property="og:site_name" content="cleveland">', '<p>x</p><footer><p>© 2019 Cleveland.com. All rights reserved.</p></footer>')).toBe('Cleveland.com');
    expect(publisher('<meta property="og:site_name" content="@politifact"><title>Headline | PolitiFact West Virginia</title>')).toBe('PolitiFact');
    expect(publisher('<meta property="og:site_name" content="https://www.newsnation.in"><title>Headline - News Nation</title>', '<p>x</p>', 'https://www.newsnation.in/a')).toBe('News Nation');
    // No site name: a name that spells the host beats the bare host.
    expect(publisher('<title>Headline - Entermedia</title>', '<p>x</p>', 'http://entermedia.co.kr/news/1')).toBe('Entermedia');
    expect(publisher('<title>Headline</title>', '<p>x</p>', 'http://entermedia.co.kr/news/1')).toBe('entermedia.co.kr');
  });

  it('"The" as a name starts, and a tagline after the name goes', () => {
    expect(publisher('<meta property="og:site_name" content="the Guardian">')).toBe('The Guardian');
    expect(publisher('<meta property="og:site_name" content="the verge">')).toBe('the verge');
    expect(publisher('<meta property="og:site_name" content="Autoracing | F1 | Indy | MotoGP">')).toBe('Autoracing');
  });
});

describe('title and byline', () => {
  it('no author name left in the title', () => {
    const a = read(
      '<title>Bridge opens late | Eleanor Ainge Roy</title><meta name="author" content="Eleanor Ainge Roy">',
      `<article><h1>Bridge opens late</h1><p class="byline">By Eleanor Ainge Roy</p>${BODY}</article>`,
    );
    expect(a.byline).toBe('Eleanor Ainge Roy');
    expect(a.title).toBe('Bridge opens late');
  });

  it('no byline that merely repeats the publisher', () => {
    const a = read(
      '<title>Bridge opens late - BBC News</title><meta property="og:site_name" content="BBC News"><meta name="author" content="BBC News">',
      `<article><h1>Bridge opens late</h1>${BODY}</article>`,
    );
    expect(a.publisher).toBe('BBC News');
    expect(a.byline).toBeNull();
    const b = read(
      '<title>Bridge opens late - BBC News</title><meta property="og:site_name" content="BBC News"><meta name="author" content="Jane Doe">',
      `<article><h1>Bridge opens late</h1>${BODY}</article>`,
    );
    expect(b.byline).toBe('Jane Doe');
  });

  /** The byline read from a page whose byline element holds `html`. */
  const byline = (html: string) => read('<title>Bridge opens late</title>', `<article><h1>Bridge opens late</h1><p class="byline">${html}</p>${BODY}</article>`).byline;

  it('a byline over lines keeps the name, not where the writer works; several writers stay whole', () => {
    expect(byline('By Kelli  Miller\n      WebMD Health News')).toBe('Kelli Miller');
    expect(byline('By\n  Jane Doe\n  Staff Writer')).toBe('Jane Doe');
    expect(byline('Jane Doe\n and John Roe')).toBe('Jane Doe and John Roe');
    expect(byline('Jane Doe')).toBe('Jane Doe');
    expect(byline('By Brenda Goodman, MA\n WebMD Health News')).toBe('Brenda Goodman, MA');
  });

  it('a byline loses what is said before the name, an editor, a glued count and a button', () => {
    expect(byline('Analysis by Chris Cillizza, CNN Editor-at-large')).toBe('Chris Cillizza, CNN Editor-at-large');
    expect(byline('Written by Rob Ewaschuk Edited by Betsy Beyer')).toBe('Rob Ewaschuk');
    expect(byline('<a>Lucas Nolan</a><span>22 Dec 2016</span><span>651</span>')).toBe('Lucas Nolan');
    expect(byline('<span>JILL LAWLESS</span><span>Associated Press</span>')).toBe('JILL LAWLESS Associated Press');
    expect(byline('Follow Author')).toBeNull();
  });

  it('a date in the byline is cut from the name and read as the date', () => {
    const a = read('<title>Bridge opens late</title><meta name="author" content="Jeff Foust — November 18, 2019">', `<article><h1>Bridge opens late</h1>${BODY}</article>`);
    expect(a.byline).toBe('Jeff Foust');
    expect(a.published).toBe('2019-11-18');
  });
});
