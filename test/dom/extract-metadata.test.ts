import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { countWords, textBlocks } from '../../lib/extract/blocks';
import { normaliseDate } from '../../lib/extract/date';
import { findCanonical, findLang, findPublished, findPublisher, readPageMeta, stripSiteFromTitle } from '../../lib/extract/metadata';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const page = (head: string, body = '<p>Text.</p>') => parse(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);

describe("normaliseDate (the page's wall clock and offset for times, calendar date for dates)", () => {
  it.each([
    ['2025-08-19T19:30:00+01:00', '2025-08-19T19:30:00+01:00'],
    ['2025-08-19T19:30:00.123Z', '2025-08-19T19:30:00+00:00'],
    ['2025-08-19 19:30:00-0500', '2025-08-19T19:30:00-05:00'],
    ['2019-11-16T21:30:00+10:00', '2019-11-16T21:30:00+10:00'],
    ['2025-08-19T19:30', '2025-08-19T19:30:00+00:00'],
    ['20250819T193000Z', '2025-08-19T19:30:00+00:00'],
    ['2019/11/16', '2019-11-16'],
    ['2025-08-19', '2025-08-19'],
    ['Tue, 19 Aug 2025 19:30:00 GMT', '2025-08-19T19:30:00+00:00'],
    ['19 August 2025', '2025-08-19'],
    ['August 19, 2025', '2025-08-19'],
    ['Aug. 19, 2025 7:30 pm EDT', '2025-08-19T19:30:00-04:00'],
    ['01:38:07 PM IST Nov 20, 2019', '2019-11-20'],
    ['1755628200', '2025-08-19T18:30:00Z'],
    ['19/08/2025', '2025-08-19'],
  ])('%s → %s', (input, out) => {
    expect(normaliseDate(input)).toBe(out);
  });

  it.each(['', 'yesterday', '2025-13-40', '2025-02-30', '0000-00-00', '1850-01-01', '03/04/2025', 'Updated recently'])('rejects %j', (input) => {
    expect(normaliseDate(input)).toBeNull();
  });
});

describe('findPublished', () => {
  it('prefers JSON-LD datePublished, then meta tags, then <time>', () => {
    const jsonld = page(
      `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-01-02T03:04:05Z"}</script>
       <meta property="article:published_time" content="2020-01-01T00:00:00Z">`,
      '<time datetime="2019-01-01">x</time>',
    );
    expect(findPublished(jsonld, readPageMeta(jsonld))).toBe('2024-01-02T03:04:05+00:00');
    for (const name of ['parsely-pub-date', 'date', 'pubdate', 'DC.date.issued', 'sailthru.date']) {
      const d = page(`<meta name="${name}" content="2021-06-07T08:09:10+02:00">`);
      expect(findPublished(d, readPageMeta(d)), name).toBe('2021-06-07T08:09:10+02:00');
    }
    const time = page('', '<article><p>x</p><time datetime="2022-02-03T10:00:00-08:00">3 Feb</time></article>');
    expect(findPublished(time, readPageMeta(time))).toBe('2022-02-03T10:00:00-08:00');
    const none = page('', '<p>No date here.</p>');
    expect(findPublished(none, readPageMeta(none))).toBeNull();
  });
});

describe('stripSiteFromTitle', () => {
  it('removes known names at either end only', () => {
    expect(stripSiteFromTitle('Headline | The Independent UK | inkl', ['inkl', 'The Independent UK'])).toBe('Headline');
    expect(stripSiteFromTitle('BBC News - Headline here', ['BBC News'])).toBe('Headline here');
    expect(stripSiteFromTitle('Obama – the later years', ['Example Times'])).toBe('Obama – the later years');
    expect(stripSiteFromTitle('Example Times', ['Example Times'])).toBe('Example Times');
    expect(stripSiteFromTitle('A - B - Example Times', ['example times'])).toBe('A - B');
  });
});

describe('findPublisher', () => {
  const info = (doc: Document, url = 'https://example.com/a/b', headline = 'Headline') => findPublisher(doc, readPageMeta(doc), { pageUrl: url, headline });

  it('a site publishing its own piece: og:site_name, else JSON-LD publisher, else the host', () => {
    expect(info(page('<meta property="og:site_name" content="The Example Times">'))).toEqual({ publisher: 'The Example Times', aggregator: null });
    expect(info(page('<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","publisher":{"name":"Gazette"}}</script>'))).toEqual({
      publisher: 'Gazette',
      aggregator: null,
    });
    expect(info(page('<title>x</title>'), 'https://www.example.co.uk/a')).toEqual({ publisher: 'example.co.uk', aggregator: null });
    expect(info(page('<title>x</title>'), 'http://127.0.0.1/a')).toEqual({ publisher: null, aggregator: null });
  });

  it('ignores article:publisher when it is a Facebook page URL', () => {
    const d = page('<meta property="og:site_name" content="Daily"><meta property="article:publisher" content="https://www.facebook.com/daily">');
    expect(info(d)).toEqual({ publisher: 'Daily', aggregator: null });
  });

  it('an original-source meta tag makes the site an aggregator even when it is not a known one', () => {
    const d = page('<meta property="og:site_name" content="Reader Hub"><meta name="original-source" content="https://www.theguardian.com/world/2024/x">');
    expect(info(d)).toEqual({ publisher: 'theguardian.com', aggregator: 'Reader Hub' });
  });

  it('JSON-LD sourceOrganization names the original publisher', () => {
    const d = page(
      `<meta property="og:site_name" content="Hub"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "publisher":{"name":"Hub"},"sourceOrganization":{"@type":"NewsMediaOrganization","name":"Reuters"}}</script>`,
    );
    expect(info(d)).toEqual({ publisher: 'Reuters', aggregator: 'Hub' });
  });

  it('a known aggregator by host: the publisher comes from the title segments', () => {
    const d = page('<title>Headline | Le Monde | Flipboard</title>');
    expect(info(d, 'https://flipboard.com/@lemonde/x')).toEqual({ publisher: 'Le Monde', aggregator: 'Flipboard' });
  });

  it('a known aggregator with no sign of another publisher: aggregator only', () => {
    const d = page('<meta property="og:site_name" content="Google News"><title>Headline</title>');
    expect(info(d, 'https://news.google.com/articles/x')).toEqual({ publisher: null, aggregator: 'Google News' });
  });
});

describe('findCanonical and findLang', () => {
  it('link rel=canonical, then og:url, then the page URL; resolved and normalised', () => {
    const c = page('<link rel="canonical" href="/news/story/?utm_source=x#a"><meta property="og:url" content="https://other.example/og">');
    expect(findCanonical(c, readPageMeta(c), 'https://Example.com/news/story?fbclid=1')).toBe('https://example.com/news/story');
    const og = page('<meta property="og:url" content="https://example.com/og/?id=3&utm_medium=x">');
    expect(findCanonical(og, readPageMeta(og), 'https://example.com/page')).toBe('https://example.com/og?id=3');
    const none = page('');
    expect(findCanonical(none, readPageMeta(none), 'https://example.com/page/?gclid=1#x')).toBe('https://example.com/page');
    const home = page('<link rel="canonical" href="https://example.com/">');
    expect(findCanonical(home, readPageMeta(home), 'https://example.com/deep/story')).toBe('https://example.com/deep/story');
  });

  it('html lang, then content-language, then og:locale; lower-cased', () => {
    const a = parse('<html lang="EN-GB"><head></head><body></body></html>');
    expect(findLang(a, readPageMeta(a))).toBe('en-gb');
    const b = page('<meta property="og:locale" content="fr_FR">');
    expect(findLang(b, readPageMeta(b))).toBe('fr-fr');
    const c = page('<meta http-equiv="Content-Language" content="de-AT, en">');
    expect(findLang(c, readPageMeta(c))).toBe('de-at');
    const d = page('');
    expect(findLang(d, readPageMeta(d))).toBeNull();
  });
});

describe('textBlocks', () => {
  const blocks = (html: string, max?: number) => textBlocks(parse(`<html><body><div id="r">${html}</div></body></html>`).querySelector('#r')!, max);

  it('one paragraph per block, headings, captions and list items included', () => {
    expect(
      blocks(`<h2>Title  here</h2><p>One
        two <a href="#">three</a></p><figure><img src="x"><figcaption>Caption</figcaption></figure>
        <ul><li>Item <b>a</b></li><li><p>Para in item</p><p>Second</p></li></ul><blockquote>Quote</blockquote><pre>code   block</pre>`).paragraphs,
    ).toEqual(['Title here', 'One two three', 'Caption', 'Item a', 'Para in item', 'Second', 'Quote', 'code block']);
  });

  it('a table row is one paragraph, cells joined by " | "', () => {
    expect(blocks('<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>42</td></tr></table>').paragraphs).toEqual(['Name | Age', 'Ann | 42']);
  });

  it('drops empty and punctuation-only blocks and non-text elements', () => {
    expect(blocks('<p> </p><p>—</p><p>Real<script>x()</script><style>.a{}</style></p><div><br></div>').paragraphs).toEqual(['Real']);
  });

  it('truncates on a paragraph boundary', () => {
    const r = blocks('<p>aaaa bbbb</p><p>cccc dddd</p><p>eeee ffff</p>', 22);
    expect(r).toEqual({ paragraphs: ['aaaa bbbb', 'cccc dddd'], captions: [false, false], quotes: [false, false], truncated: true });
  });

  it('marks the paragraphs read inside a block quotation', () => {
    const r = blocks('<p>He wrote on Twitter:</p><blockquote class="twitter-tweet"><p>We will win this.</p>— Ann Lee (@annlee) May 1, 2019</blockquote><p>After.</p>');
    expect(r.paragraphs).toEqual(['He wrote on Twitter:', 'We will win this.', '— Ann Lee (@annlee) May 1, 2019', 'After.']);
    expect(r.quotes).toEqual([false, true, true, false]);
  });

  it('counts words, CJK characters one by one', () => {
    expect(countWords(['Hello, world — it’s 2025.', '東京タワー'])).toBe(9);
  });
});
