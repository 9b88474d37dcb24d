import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { DOMParser as LinkedomParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle, MESSAGES, readerMessage } from '../../lib/extract/index';
import type { Article, ExtractResult } from '../../lib/types';

const fixture = (p: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url)), 'utf8');

type Parse = (html: string, url: string) => Document;

const linkedom: Parse = (html) => new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document;
const happyDom: Parse = (html, url) => {
  const win = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  return new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
};
const DOMS: [string, Parse][] = [
  ['linkedom', linkedom],
  ['happy-dom', happyDom],
];

function article(r: ExtractResult): Article {
  if (!r.ok) throw new Error(`expected an article, got ${r.reason}: ${r.message}`);
  return r.article;
}

const SEED_URL = 'http://127.0.0.1/news/uk-troops-ukraine-reassurance-force?utm_source=newsletter#comments';
const seedHtml = fixture('seed/inkl-independent-ukraine-reassurance-force.html');
const expected = JSON.parse(fixture('seed/expected.json')) as {
  extraction: {
    title: string;
    byline: string;
    publisher: string;
    aggregator: string;
    text_starts_with: string;
    text_ends_with: string;
    text_excludes: string[];
  };
};

describe.each(DOMS)('seed page (inkl carrying The Independent) on %s', (_name, parse) => {
  const doc = parse(seedHtml, SEED_URL);
  const before = doc.documentElement.outerHTML;
  const result = extractArticle(doc, SEED_URL);
  const a = article(result);
  const text = a.paragraphs.join('\n');
  const x = expected.extraction;

  it('reads the metadata of expected.json', () => {
    expect(a.title).toBe(x.title);
    expect(a.byline).toBe(x.byline);
    expect(a.publisher).toBe(x.publisher);
    expect(a.aggregator).toBe(x.aggregator);
  });

  it('gives the article text without the aggregator boilerplate', () => {
    expect(text.startsWith(x.text_starts_with)).toBe(true);
    expect(text.endsWith(x.text_ends_with)).toBe(true);
    for (const bad of x.text_excludes) expect(text).not.toContain(bad);
  });

  it('keeps figure captions as paragraphs', () => {
    expect(a.paragraphs).toContain('Emmanuel Macron speaks to Keir Starmer during a meeting of the ‘coalition of the willing’ (AFP/Getty)');
    expect(text).toContain('White House');
  });

  it('gives clean paragraphs: no empty strings, whitespace collapsed', () => {
    expect(a.paragraphs.length).toBeGreaterThan(15);
    for (const p of a.paragraphs) {
      expect(p).toBe(p.trim());
      expect(p).not.toMatch(/\s{2,}|\n/);
      expect(p.length).toBeGreaterThan(0);
    }
    expect(a.wordCount).toBeGreaterThan(800);
    expect(a.truncated).toBe(false);
  });

  it('normalises URL, date and language', () => {
    expect(a.url).toBe('http://127.0.0.1/news/uk-troops-ukraine-reassurance-force');
    expect(a.pageUrl).toBe(SEED_URL);
    expect(a.published).toBe('2025-08-19T19:30:00+01:00');
    expect(a.lang).toBe('en-gb');
    expect(a.excerpt).toMatch(/^The UK is preparing/);
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });

  it('does not modify the page', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('the article gate', () => {
  it('refuses a home page with a reader-facing message', () => {
    const r = extractArticle(linkedom(fixture('pages/home-page.html'), 'https://example.com/'), 'https://example.com/');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('not-article');
    expect(r.message).toBe('');
    expect(readerMessage(r)).toBe(MESSAGES['not-article']);
    expect(readerMessage(r)).toMatch(/^[A-Z].*\.$/);
    expect(readerMessage(r)).not.toMatch(/readability|undefined|null|error/i);
  });

  it('refuses a search results page even though it has paragraphs', () => {
    const url = 'https://example.com/search?q=ukraine';
    const r = extractArticle(linkedom(fixture('pages/search-results.html'), url), url);
    expect(r).toMatchObject({ ok: false, reason: 'not-article' });
  });

  it('refuses an article page whose scripts show a notice in the article’s place, and accepts a short article about its headline', () => {
    const url = 'https://news.example.com/world/doctors-flu-shots-detained-migrants';
    const head =
      '<head><title>Doctors offer free flu shots to detained migrants</title><meta property="og:type" content="article"><meta property="og:title" content="Doctors offer free flu shots to detained migrants"></head>';
    const notice =
      '<p>This page is not available right now. This can sometimes happen if you have internet connectivity problems or are running software or plugins that affect your internet traffic.</p><p>Click here to try this page again, or visit our home page. Reference 3da77cc7-274c-480e-a8c3, served at 02:46 GMT by the edge network of the site.</p>';
    const r = extractArticle(linkedom(`<html>${head}<body><main>${notice}</main></body></html>`, url), url);
    expect(r).toMatchObject({ ok: false, reason: 'not-article' });
    const story =
      '<p>A group of doctors offered on Monday to give flu vaccines to migrants held in detention centres, warning that an epidemic could spread through the crowded camps this winter.</p><p>The authorities have not answered the offer. Three children died of flu in detention last year, according to the doctors, who say they would work without pay.</p>';
    const a = article(extractArticle(linkedom(`<html>${head}<body><main><article>${story}</article></main></body></html>`, url), url));
    expect(a.paragraphs[0]).toMatch(/^A group of doctors/);
  });

  it('accepts an article whose only metadata is a <time> element', () => {
    const url = 'http://fakehost/travel/night-trains.html';
    const a = article(extractArticle(linkedom(fixture('pages/own-article-time.html'), url), url));
    expect(a.title).toBe('Night trains return to the Alps');
    expect(a.published).toBe('2023-11-02T08:15:00+01:00');
    expect(a.publisher).toBe('The Example Times');
    expect(a.aggregator).toBeNull();
    expect(a.lang).toBe('de-at');
    expect(a.url).toBe('http://fakehost/travel/2023/11/02/night-trains-alps?id=42');
    expect(a.paragraphs.some((p) => p.startsWith('After a gap of almost twenty years'))).toBe(true);
  });

  it('says "unsupported-page" for image viewers and browser pages, "empty" for an empty body', () => {
    const img = linkedom('<html><head><title>photo.jpg (640×480)</title></head><body><img src="https://example.com/photo.jpg"></body></html>', 'https://example.com/photo.jpg');
    expect(extractArticle(img, 'https://example.com/photo.jpg')).toMatchObject({ ok: false, reason: 'unsupported-page' });
    const blank = linkedom('<html><body><p>Hello</p></body></html>', 'about:blank');
    expect(extractArticle(blank, 'about:blank')).toMatchObject({ ok: false, reason: 'unsupported-page' });
    const empty = linkedom('<html><head><title>x</title></head><body>  \n </body></html>', 'https://example.com/a');
    const r = extractArticle(empty, 'https://example.com/a');
    expect(r).toMatchObject({ ok: false, reason: 'empty' });
    if (!r.ok) expect(readerMessage(r)).toBe(MESSAGES.empty);
  });

  it('never throws: an internal failure comes back as a result', () => {
    const broken = {
      querySelector: () => {
        throw new Error('boom');
      },
    } as unknown as Document;
    const r = extractArticle(broken, 'https://example.com/a');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(readerMessage(r)).toBe(r.message);
    if (!r.ok) expect(r.message).toContain('could not read this page');
  });
});

describe('JSON-LD publisher and dates', () => {
  it('an aggregator carrying a wire story: publisher from JSON-LD, aggregator = site', () => {
    const url = 'https://news.yahoo.com/harbour-town-votes-rebuild-sea-wall-142000123.html';
    const a = article(extractArticle(linkedom(fixture('pages/syndicated-jsonld.html'), url), url));
    expect(a.publisher).toBe('Associated Press');
    expect(a.aggregator).toBe('Yahoo News');
    expect(a.title).toBe('Harbour town votes to rebuild sea wall');
    expect(a.byline).toBe('Jane Doe, Sam Roe');
    expect(a.published).toBe('2024-03-05T14:20:00-05:00');
    expect(a.lang).toBe('en-us');
    expect(a.url).toBe('https://news.yahoo.com/harbour-town-votes-rebuild-sea-wall-142000123.html?guccounter=1');
  });

  it('JSON-LD publisher of a site publishing its own piece', () => {
    const url = 'https://www.example.org/2024/05/story';
    const html = `<html lang="en"><head><title>A story</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"ReportageNewsArticle","headline":"A story",
        "datePublished":"2024-05-01","publisher":{"@type":"NewsMediaOrganization","name":"Example Gazette"}}</script></head>
      <body><article><h1>A story</h1>${'<p>The council said on Thursday that the new bridge would open in the spring, three months later than planned, because of delays in the delivery of steel from abroad.</p>'.repeat(4)}</article></body></html>`;
    const a = article(extractArticle(linkedom(html, url), url));
    expect(a.publisher).toBe('Example Gazette');
    expect(a.aggregator).toBeNull();
    expect(a.published).toBe('2024-05-01');
  });
});

describe('huge pages', () => {
  const para = (i: number) => `Paragraph ${i} of a very long report, with enough words in it to look like real prose to the reader and to the parser alike.`;

  it('cuts the text at maxTextChars on a whole paragraph and says so', () => {
    const html = `<html><head><meta property="og:type" content="article"><title>Long</title></head><body><article>${Array.from({ length: 3000 }, (_, i) => `<p>${para(i)}</p>`).join('')}</article></body></html>`;
    const url = 'https://example.com/long';
    const a = article(extractArticle(linkedom(html, url), url, { maxTextChars: 20_000 }));
    expect(a.truncated).toBe(true);
    expect(a.paragraphs.join('\n').length).toBeLessThanOrEqual(20_000);
    expect(a.paragraphs.length).toBeGreaterThan(100);
    expect(a.paragraphs.at(-1)).toBe(para(a.paragraphs.length - 1));
  });

  it('reads only the first part of a page with too many elements, in bounded time', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<p>${para(i)} <span>x</span> <b>y</b></p>`).join('');
    const html = `<html><head><meta property="og:type" content="article"><title>Huge</title></head><body><article>${rows}</article></body></html>`;
    const url = 'https://example.com/huge';
    const doc = linkedom(html, url);
    const t0 = performance.now();
    const r = extractArticle(doc, url, { maxElements: 5_000 });
    const ms = performance.now() - t0;
    const a = article(r);
    expect(a.truncated).toBe(true);
    expect(a.paragraphs[0]).toBe(`${para(0)} x y`);
    expect(a.paragraphs.length).toBeLessThan(2_000);
    expect(ms).toBeLessThan(15_000);
    expect(doc.querySelectorAll('p').length).toBe(20_000);
    // The bound is the assertion above (15 s); vitest's default 5 s timeout, which parsing the
    // 20,000 paragraphs alone nearly fills on a loaded machine, is not.
  }, 30_000);
});

describe.each(DOMS)('hostile content on %s', (_name, parse) => {
  const html = `<html><head><meta property="og:type" content="article"><title>Hostile</title>
    <script>window.stolen = document.cookie</script></head><body><article>
    <h1 onclick="steal()">Hostile</h1>
    ${'<p onmouseover="alert(1)">Officials said the inquiry would report in the autumn, and that <b onclick="steal()">every witness</b> had been heard <img src="x" onerror="alert(2)"> in public session, as the law requires.<script>alert(3)</script></p>'.repeat(4)}
    <p>Shown literally: &lt;script&gt;alert(4)&lt;/script&gt; is text on the page, not markup.</p>
    <iframe src="javascript:alert(5)"></iframe><style>p { color: red }</style>
    </article></body></html>`;
  const url = 'https://example.com/hostile';
  const doc = parse(html, url);
  const before = doc.documentElement.outerHTML;
  const a = article(extractArticle(doc, url));
  const text = a.paragraphs.join('\n');

  it('gives plain text only', () => {
    expect(text).toContain('had been heard in public session');
    expect(text).not.toMatch(/onclick|onmouseover|onerror|steal\(|alert\([123]\)|<b|<img|color: red|document\.cookie/);
    // Text the page shows literally stays text.
    expect(text).toContain('<script>alert(4)</script> is text on the page');
  });

  it('leaves the page as it was', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('captions', () => {
  it('gives a credit label set apart by style alone its colon back, in captions only', () => {
    const para = '<p>' + 'The court ruled on the case today, and the parties said they would study the ruling before deciding what to do next. '.repeat(8) + '</p>';
    const html = `<!doctype html><html lang="en"><head><title>Court rules</title><meta property="og:type" content="article"></head>
      <body><article><h1>Court rules</h1>${para}<figure><img src="a.jpg" alt=""><figcaption><span>Protesters outside the court.</span><span><span class="c1">Credit</span>Kevin Frayer/Getty Images</span></figcaption></figure>
      ${para}<figure><img src="b.jpg" alt=""><figcaption><span class="c1">Credit</span>Jane Roe for The Daily Example</figcaption></figure>${para}<p>Creditors met on Monday to discuss the ruling and what it means for the company and its many lenders.</p></article></body></html>`;
    for (const [, parse] of DOMS) {
      const a = article(extractArticle(parse(html, 'https://news.example/court'), 'https://news.example/court'));
      expect(a.paragraphs).toContain('Protesters outside the court.Credit: Kevin Frayer/Getty Images');
      expect(a.paragraphs).toContain('Credit: Jane Roe for The Daily Example');
      expect(a.paragraphs.some((p) => p.startsWith('Creditors met'))).toBe(true);
    }
  });
});

describe('bylines', () => {
  it('does not take a dateline for a byline', () => {
    const para = '<p>' + 'The court ruled on the case today, and the parties said they would study the ruling before deciding what to do next. '.repeat(8) + '</p>';
    const html = `<!doctype html><html lang="en"><head><title>Court rules</title><meta property="og:type" content="article"></head>
      <body><article><h1>Court rules</h1><p class="dateline">Tuesday, September 24, 2019</p>${para}${para}${para}</article></body></html>`;
    for (const [, parse] of DOMS) {
      const a = article(extractArticle(parse(html, 'https://news.example/court'), 'https://news.example/court'));
      expect(a.byline).toBeNull();
    }
    const named = html.replace('Tuesday, September 24, 2019', 'By Jane Doe, September 24, 2019');
    const b = article(extractArticle(linkedom(named, 'https://news.example/court'), 'https://news.example/court'));
    expect(b.byline).toContain('Jane Doe');
  });
  it('leaves out the weekday of a date that follows the name, even glued to it by a line break', () => {
    const para = '<p>' + 'The court ruled on the case today, and the parties said they would study the ruling before deciding what to do next. '.repeat(8) + '</p>';
    for (const line of ['by Jeff Foust<br><span class="datetime">Monday, November 18, 2019</span>', 'By Jane Doe | Tues. Sept. 24, 2019']) {
      const html = `<!doctype html><html lang="en"><head><title>Court rules</title><meta property="og:type" content="article"></head>
        <body><article><h1>Court rules</h1><h3 class="byline">${line}</h3>${para}${para}${para}</article></body></html>`;
      for (const [, parse] of DOMS) {
        const a = article(extractArticle(parse(html, 'https://news.example/court'), 'https://news.example/court'));
        expect(a.byline).toBe(line.startsWith('by Jeff') ? 'Jeff Foust' : 'Jane Doe');
      }
    }
  });
});
