/**
 * Clutter inside the article (lib/extract/clean.ts), kind by kind, on small pages written for these
 * tests: each page is a short article with one kind of clutter among its paragraphs. The article's
 * own paragraphs must all come through, the clutter must not, and captions must come through marked.
 */
import { Window } from 'happy-dom';
import { DOMParser as LinkedomParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { textBlocks } from '../../lib/extract/blocks';
import { CAPTION_ATTR, cleanContent } from '../../lib/extract/clean';
import { extractArticle } from '../../lib/extract/index';
import type { Article } from '../../lib/types';

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

const URL_ = 'https://news.example/2025/11/16/storm-closes-harbour';
const TITLE = 'Storm closes the harbour at Port Ellen for a third day';

const BODY = [
  'The harbour at Port Ellen stayed closed for a third day on Sunday as waves of up to six metres battered the breakwater, stranding fishing boats and cancelling every ferry crossing to the mainland.',
  'The harbour master, Morag Campbell, said the outer wall had been damaged in two places and that divers would inspect it once the swell dropped below two metres, which forecasters expect on Tuesday.',
  'Local shops reported running short of bread and milk by Saturday afternoon, and the island council opened its community hall to travellers who had been due to leave on Friday evening.',
  'The coastguard said it had answered four calls since the storm began, none of them involving injuries, and urged people to stay away from the seafront while the high tides continue this week.',
  'Engineers from the ferry operator are due to arrive on the first sailing after the harbour reopens, and the company said it would add two extra crossings to clear the backlog of passengers.',
];

const para = (s: string) => `<p>${s}</p>`;

/** An article page: site chrome around an <article> holding the title, `inner`, and the body paragraphs. */
function page(inner: string, opts: { lang?: string; body?: string[]; after?: string } = {}): string {
  const body = opts.body ?? BODY;
  return `<!DOCTYPE html><html lang="${opts.lang ?? 'en'}"><head><title>${TITLE} | Example News</title>
<meta property="og:type" content="article"><meta property="og:title" content="${TITLE}"><meta property="og:site_name" content="Example News">
</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${TITLE}</h1>${body.slice(0, 2).map(para).join('')}${inner}${body.slice(2).map(para).join('')}${opts.after ?? ''}</article></main>
<footer><p>Example News, 1 Quay Street</p></footer></body></html>`;
}

function read(html: string, parse: Parse): Article {
  const r = extractArticle(parse(html, URL_), URL_);
  if (!r.ok) throw new Error(`expected an article, got ${r.reason}`);
  return r.article;
}

function expectBodyKept(a: Article, body = BODY): void {
  for (const p of body) expect(a.paragraphs).toContain(p);
}

const textOf = (a: Article) => a.paragraphs.join('\n');

describe.each(DOMS)('clutter inside the article, on %s', (_name, parse) => {
  it('drops skip links and text meant for screen readers only', () => {
    const a = read(
      page('<a class="skip-link screen-reader-text" href="#main">Skip to content</a><p>Ferries <span class="sr-only">(opens in a new window)</span>will resume when the wall is safe.</p>'),
      parse,
    );
    expectBodyKept(a);
    expect(textOf(a)).not.toContain('Skip to content');
    expect(textOf(a)).not.toContain('opens in a new window');
    expect(a.paragraphs).toContain('Ferries will resume when the wall is safe.');
  });

  it('drops share bars, subscribe prompts and newsletter sign-ups', () => {
    const a = read(
      page(
        '<div class="article-share-tools"><a href="https://twitter.com/intent/tweet?url=x">Twitter</a> <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> Share this story</div>' +
          '<div class="newsletter-promo"><h3>The morning briefing</h3><p>The news that matters, in your inbox every weekday before seven.</p></div>' +
          '<p>Get the latest updates right in your inbox. <a href="https://news.example/newsletters/signup">Sign up for our newsletters</a>.</p>',
      ),
      parse,
    );
    expectBodyKept(a);
    for (const bad of ['Share this story', 'Twitter', 'morning briefing', 'in your inbox']) expect(textOf(a)).not.toContain(bad);
  });

  it('drops lines that are page furniture whatever their markup: a script-filled widget’s heading, sign-up calls, ad labels, loading notices', () => {
    const a = read(
      page(
        '<p>Advertisement</p>' +
          '<div><h2 class="block-title">You may also like</h2><div id="WIDGET_1"></div></div>' +
          '<p>Subscribe</p><p>Sign up to our newsletter for exclusive updates and enhanced content</p><p>Loading content ...</p>',
        { after: '<p>SIGN UP FOR OUR NEWSLETTER</p>' },
      ),
      parse,
    );
    expectBodyKept(a);
    for (const bad of ['Advertisement', 'You may also like', 'Subscribe', 'Sign up', 'Loading', 'SIGN UP']) expect(textOf(a)).not.toContain(bad);
  });

  it('reads no clutter into a class named like a property of every object ("constructor", "toString")', () => {
    const a = read(page('<p class="constructor">The breakwater was built in 1898 by the island’s first harbour trust.</p><p class="toString">It was last repaired in 1996.</p>'), parse);
    expectBodyKept(a);
    expect(a.paragraphs).toContain('The breakwater was built in 1898 by the island’s first harbour trust.');
    expect(a.paragraphs).toContain('It was last repaired in 1996.');
  });

  it('keeps sentences that only begin like page furniture', () => {
    const body = [...BODY, 'Subscribe to the view that harbours need walls, and you will like what the council decided on Monday evening after a long debate.'];
    const a = read(page('<p>Loading the ferries took most of the morning, the harbour master said.</p>', { body }), parse);
    expectBodyKept(a, body);
    expect(a.paragraphs).toContain('Loading the ferries took most of the morning, the harbour master said.');
  });

  it('drops "Related" blocks and lists of headlines that point elsewhere', () => {
    const a = read(
      page(
        '<div class="related-stories"><h3>Related</h3><p><a href="/a">Gales expected across the west coast</a></p></div>' +
          '<ul><li><a href="/b">Island ferry timetable changes from December</a></li><li><a href="/c">Council approves new breakwater study</a></li><li><a href="/d">Fishing fleet counts the cost of a wet summer</a></li></ul>',
      ),
      parse,
    );
    expectBodyKept(a);
    for (const bad of ['Gales expected', 'ferry timetable', 'breakwater study', 'wet summer']) expect(textOf(a)).not.toContain(bad);
  });

  it('keeps lists, headings and block quotes that are the article', () => {
    const a = read(
      page(
        '<h2>What the council said</h2><ul><li>The hall stays open overnight until the ferries run.</li><li>Hot meals are served from six in the evening.</li></ul>' +
          '<blockquote><p>We will not leave anyone stranded without a bed, said the council leader.</p></blockquote>',
      ),
      parse,
    );
    expectBodyKept(a);
    for (const good of [
      'What the council said',
      'The hall stays open overnight until the ferries run.',
      'Hot meals are served from six in the evening.',
      'We will not leave anyone stranded without a bed, said the council leader.',
    ]) {
      expect(a.paragraphs).toContain(good);
    }
  });

  it('keeps photo captions, marked as captions, without their photo and agency credits', () => {
    const a = read(
      page(
        '<figure><img src="/wall.jpg" alt=""><figcaption>Waves break over the outer wall on Saturday. <span class="credit">Jane Doe/Getty Images</span></figcaption></figure>' +
          '<div class="wp-caption"><img src="/hall.jpg" alt=""><p class="wp-caption-text">Travellers wait in the community hall.</p></div>',
        { after: '<p><i>© Reuters</i></p>' },
      ),
      parse,
    );
    expectBodyKept(a);
    expect(textOf(a)).not.toContain('Getty');
    expect(textOf(a)).not.toContain('Reuters');
    const i = a.paragraphs.indexOf('Waves break over the outer wall on Saturday.');
    const j = a.paragraphs.indexOf('Travellers wait in the community hall.');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(j).toBeGreaterThanOrEqual(0);
    expect(a.captions).toEqual([i, j]);
    for (const p of BODY) expect(a.captions).not.toContain(a.paragraphs.indexOf(p));
  });

  it('drops bylines and contributor lines repeated in the body', () => {
    const a = read(
      page('<p class="article-byline">By Alasdair Ross, Scotland correspondent</p>', {
        after: '<p><em>Heba Habib contributed to this report.</em></p><p>(Reporting by Will Dunham; Editing by Tom Brown)</p>',
      }),
      parse,
    );
    expectBodyKept(a);
    for (const bad of ['Alasdair Ross', 'contributed to this report', 'Reporting by']) expect(textOf(a)).not.toContain(bad);
  });

  it('drops datestamps', () => {
    const a = read(page('<p>Published 1 day ago</p><div class="dateline">Updated Nov 16, 9:41 AM</div><p><time datetime="2025-11-16T09:00:00Z">16 November 2025, 09:00</time></p>'), parse);
    expectBodyKept(a);
    for (const bad of ['Published', 'Updated', '16 November 2025']) expect(textOf(a)).not.toContain(bad);
  });

  it('drops comment sections', () => {
    const a = read(
      page('', {
        after:
          '<section id="comments" class="comments-area"><h3>3 thoughts on this story</h3><div class="comment"><p>Stuck here since Friday, the hall has been great.</p></div><div class="comment"><p>Same thing happened in 2019.</p></div></section>',
      }),
      parse,
    );
    expectBodyKept(a);
    for (const bad of ['thoughts on this story', 'Stuck here since Friday', 'Same thing happened']) expect(textOf(a)).not.toContain(bad);
  });

  it('drops the headline where the body repeats it', () => {
    const a = read(page(`<h2>${TITLE}</h2>`), parse);
    expectBodyKept(a);
    expect(a.title).toBe(TITLE);
    expect(a.paragraphs).not.toContain(TITLE);
  });

  it('leaves no author name in the title', () => {
    const html = page('<p class="byline">By Eleanor Ainge Roy</p>')
      .replace(`<title>${TITLE} | Example News</title>`, `<title>${TITLE} | Eleanor Ainge Roy | Example News</title>`)
      .replace(/<meta property="og:title"[^>]*>/, '');
    const a = read(html, parse);
    expect(a.byline).toBe('Eleanor Ainge Roy');
    expect(a.title).toBe(TITLE);
  });

  it('leaves an article in another language whole, datelines in its own words included', () => {
    const de = [
      'Der Hafen von Port Ellen blieb am Sonntag den dritten Tag in Folge geschlossen, weil bis zu sechs Meter hohe Wellen gegen den Wellenbrecher schlugen und alle Fähren ausfielen.',
      'Die Hafenmeisterin Morag Campbell sagte, die äußere Mauer sei an zwei Stellen beschädigt, und Taucher würden sie prüfen, sobald die Dünung unter zwei Meter sinke.',
      'Veröffentlicht am 16. November: Die Geschäfte auf der Insel meldeten am Samstagnachmittag, dass Brot und Milch knapp würden, und der Gemeinderat öffnete seine Halle für Reisende.',
      'Die Küstenwache erklärte, sie habe seit Beginn des Sturms vier Notrufe erhalten, keiner davon mit Verletzten, und bat die Menschen, der Uferpromenade fernzubleiben.',
    ];
    const a = read(page('', { lang: 'de', body: de }), parse);
    expectBodyKept(a, de);
    expect(a.captions).toEqual([]);
  });

  it('keeps an article whose whole body sits in an element with a clutter-like class', () => {
    const html = page('').replace('<article>', '<article><div class="story-body social-share-enabled">').replace('</article>', '</div></article>');
    expectBodyKept(read(html, parse));
  });
});

describe('cleanContent and textBlocks', () => {
  const content = (html: string) => {
    const doc = linkedom(`<!DOCTYPE html><html><body><div id="c">${html}</div></body></html>`, URL_);
    return doc.querySelector('#c')!;
  };

  it('marks figure text as caption and says how many of each kind it removed', () => {
    const el = content(
      `${para(BODY[0]!)}<figure><img src="a.jpg"><figcaption>The outer wall. <span class="photo-credit">Photo: J. Doe</span></figcaption></figure><p class="byline">By A. Ross</p>${para(BODY[1]!)}`,
    );
    const report = cleanContent(el, {});
    expect(report).toMatchObject({ caption: 1, credit: 1, byline: 1 });
    expect(el.querySelector('figcaption')!.hasAttribute(CAPTION_ATTR)).toBe(true);
    const { paragraphs, captions } = textBlocks(el);
    expect(paragraphs).toEqual([BODY[0], 'The outer wall.', BODY[1]]);
    expect(captions).toEqual([false, true, false]);
  });

  it('removes a comment section by its markup (Readability itself drops most, not all)', () => {
    const el = content(`${para(BODY[0]!)}<div class="article-comments-wrapper"><p>Stuck here since Friday, the hall has been great.</p></div>${para(BODY[1]!)}`);
    expect(cleanContent(el, {})).toMatchObject({ comments: 1 });
    expect(textBlocks(el).paragraphs).toEqual([BODY[0], BODY[1]]);
  });

  it('makes a caption marked on an inline element a paragraph of its own', () => {
    const el = content(`<p>Before the photo. <span ${CAPTION_ATTR}>A caption inline</span> after the photo.</p>`);
    const { paragraphs, captions } = textBlocks(el);
    expect(paragraphs).toEqual(['Before the photo.', 'A caption inline', 'after the photo.']);
    expect(captions).toEqual([false, true, false]);
  });
});
