/**
 * Clutter made of links and teasers (lib/extract/clean.ts): tag lists, teaser articles, related
 * blocks opened by a classed heading, headline lines with their labels; and the links that are
 * the article's (sources on other sites, linked headings over their sections).
 */
import { DOMParser as LinkedomParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { textBlocks } from '../../lib/extract/blocks';
import { cleanContent, dropRelatedBlocks } from '../../lib/extract/clean';
import { extractArticle } from '../../lib/extract/index';

const URL_ = 'https://news.example/2025/11/16/storm-closes-harbour';
const parse = (html: string) => new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document;

const P = [
  'The harbour at Port Ellen stayed closed for a third day on Sunday as waves of up to six metres battered the breakwater and every ferry crossing was cancelled.',
  'The harbour master said the outer wall had been damaged in two places and that divers would inspect it once the swell dropped below two metres on Tuesday.',
  'Local shops reported running short of bread and milk by Saturday afternoon, and the island council opened its community hall to stranded travellers.',
];
const body = (html: string) => {
  const doc = parse(`<!DOCTYPE html><html><body><div id="c">${html}</div></body></html>`);
  return doc.querySelector('#c')!;
};
const paras = P.map((p) => `<p>${p}</p>`).join('');

describe('links and teasers', () => {
  it('drops a list of tags (rel="tag") with its label', () => {
    const el = body(`${paras}<p><strong>Tags<br><a rel="tag" href="/tag/storms">storms</a>, <a rel="tag" href="/tag/ferries">ferries</a>, <a rel="tag" href="/tag/islay">islay</a></strong></p>`);
    cleanContent(el, { pageUrl: URL_ });
    expect(textBlocks(el).paragraphs).toEqual(P);
  });

  it('drops teaser articles whose headline links to another page of the site', () => {
    const teaser = (n: number) =>
      `<article><header><h2><a href="/2025/11/${n}/other-story">Another story number ${n} from the islands</a></h2></header><p>A short blurb about another story, a sentence or two long.</p></article>`;
    const el = body(`${paras}${teaser(1)}${teaser(2)}`);
    expect(cleanContent(el, { pageUrl: URL_ })).toMatchObject({ related: 2 });
    expect(textBlocks(el).paragraphs).toEqual(P);
  });

  it('drops a block of headline links on one line, and the label before it', () => {
    const el = body(
      `${paras}<p>DON'T MISS</p><p><a href="/a">Gales expected across the west coast tonight</a> [VIDEO]<br><a href="/b">Council approves a new breakwater study for the island</a> [INSIGHT]</p><p>READ MORE: <a href="/c">Island ferry timetable changes from December</a></p>`,
    );
    cleanContent(el, { pageUrl: URL_ });
    expect(textBlocks(el).paragraphs).toEqual(P);
  });

  it('keeps lines and lists linking to other sites: sources, not teasers', () => {
    const sources =
      '<ul><li><a href="https://met.example/warnings/storm-bert">Met Office warning for the storm on Saturday</a></li><li><a href="https://ferries.example/status/islay">Ferry operator service status for Islay routes</a></li></ul>';
    const el = body(`${paras}${sources}<p><a href="https://council.example/notices/hall">Council notice on the community hall opening hours</a></p>`);
    cleanContent(el, { pageUrl: URL_ });
    const out = textBlocks(el).paragraphs;
    expect(out).toContain('Met Office warning for the storm on Saturday');
    expect(out).toContain('Council notice on the community hall opening hours');
  });

  it('keeps a linked heading that opens a section of the article', () => {
    const el = body(`<h3><a href="/games/rez">Rez Infinite on the island</a></h3>${paras}<h3><a href="/games/thumper">Thumper</a></h3>${paras}`);
    cleanContent(el, { pageUrl: URL_ });
    const out = textBlocks(el).paragraphs;
    expect(out).toContain('Rez Infinite on the island');
    expect(out).toContain('Thumper');
  });

  it('drops, before Readability, the block a "related posts" heading opens, however long', () => {
    const teasers = Array.from({ length: 6 }, (_, i) => `<article><p>${P[i % 3]} Teaser ${i}.</p></article>`).join('');
    const html = `<!DOCTYPE html><html lang="pt"><head><title>Só quem se ama</title><meta property="og:type" content="article"></head><body>
<article><h1>Só quem se ama</h1><p>Viver uma verdadeira experiência amorosa é um dos maiores prazeres da vida. Gostar é sentir com a alma, mas expressar os sentimentos depende das ideias e das palavras certas.</p><p>Quem se ama de verdade aprende a cuidar de si antes de cuidar dos outros, e descobre que o amor próprio é o começo de todas as outras formas de amor que a vida oferece.</p></article>
<section class="postbox"><h3 class="relatedpoststitle">Você pode gostar...</h3>${teasers}</section></body></html>`;
    const doc = parse(html);
    const copy = doc.cloneNode(true) as Document;
    expect(dropRelatedBlocks(copy)).toBe(1);
    expect(copy.querySelector('.postbox')).toBeNull();
    expect(doc.querySelector('.postbox')).not.toBeNull();
    const r = extractArticle(parse(html), 'https://mensagens.example/quem-se-ama');
    if (!r.ok) throw new Error(r.message);
    expect(r.article.paragraphs.join('\n')).not.toContain('Teaser');
    expect(r.article.paragraphs.join('\n')).toContain('Quem se ama de verdade');
  });
});
