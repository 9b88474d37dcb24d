/**
 * Exports for other tools (issue #6): Markdown, JSON without internal fields, and claim reviews as
 * W3C Web Annotations. Article text is hostile: nothing in it may become a link, an image or HTML.
 */
import { describe, expect, it } from 'vitest';
import {
  actorAnnotation,
  annotationCollection,
  ANNO_CONTEXT,
  articleJson,
  articleMarkdown,
  articlesMarkdown,
  claimAnnotation,
  firstMention,
  mdLines,
  mdText,
  quoteSelector,
  slug,
  stableUuid,
  toolExport,
} from '../../lib/archive/exports';
import type { Claim, SavedArticle } from '../../lib/types';
import { testClaim } from '../support/builders';

const P0 = 'President Emmanuel Macron said on Tuesday that the deal was "done", according to officials.';
const P1 = 'Sources said the ferry strike would end by May. Mr Macron later denied it.';

const claim = (id: string, over: Partial<Claim> = {}): Claim => testClaim(id, { text: 'text', ...over });

const DEAL = 'the deal was "done"';
const AT = P0.indexOf(DEAL);
const REVIEWED = claim('c-deal', {
  spans: [{ paragraph: 0, start: AT, end: AT + DEAL.length }],
  text: 'the deal was "done"',
  speaker: 'Emmanuel Macron',
  speakerKey: 'PER:emmanuel macron',
  review: { status: 'disputed', note: 'Officials gave no date.', evidence: ['https://factcheck.example/deal', 'https://gov.example/statement'], updatedAt: Date.UTC(2025, 7, 20, 9) },
});
const FLAGGED = claim('c-strike', {
  spans: [{ paragraph: 1, start: 0, end: 47 }],
  text: P1.slice(0, 47),
  unverified: true,
  signals: [{ code: 'unnamed-sources', reason: 'Attributed to unnamed sources', words: 'Sources said' }],
});
const ACROSS = claim('c-across', {
  spans: [
    { paragraph: 0, start: 0, end: 25 },
    { paragraph: 1, start: 48, end: 74 },
  ],
  text: 'President Emmanuel Macron Mr Macron later denied it.',
  review: { status: 'verified', note: '', evidence: [], updatedAt: Date.UTC(2025, 7, 21) },
});
const STALE = claim('c-stale', {
  spans: [{ paragraph: 7, start: 0, end: 20 }],
  text: 'A sentence from an earlier version of the article.',
  review: { status: 'false', note: '', evidence: [], updatedAt: Date.UTC(2025, 7, 22) },
});

const record: SavedArticle = {
  id: 42,
  url: 'https://news.example/world/deal',
  pageUrl: 'https://reader.example/read?u=deal',
  title: 'Macron says the deal is done',
  byline: 'Ana Lima',
  publisher: 'Example News',
  aggregator: 'Reader',
  published: '2025-08-19T18:30:00.000Z',
  lang: 'en-gb',
  excerpt: 'President Emmanuel Macron said…',
  wordCount: 30,
  paragraphs: [P0, P1],
  truncated: false,
  savedAt: Date.UTC(2025, 7, 19, 20),
  updatedAt: Date.UTC(2025, 7, 22),
  actorKeys: ['PER:emmanuel macron', 'ORG:ferry union'],
  actors: [
    { key: 'PER:emmanuel macron', name: 'Emmanuel Macron', type: 'PER', aliases: ['Mr Macron', 'Macron'], mentions: 2, role: 'French president' },
    { key: 'ORG:ferry union', name: 'Ferry Union', type: 'ORG', aliases: [], mentions: 0, role: null },
  ],
  claims: [REVIEWED, FLAGGED, ACROSS, STALE],
  bytes: 4000,
  tags: ['france', 'to check'],
  date: Date.parse('2025-08-19T18:30:00.000Z'),
  fingerprint: { v: 1, day: 20319, terms: ['deal'], counts: [2], actors: [['PER:emmanuel macron', 2]], places: [], dates: [], keys: ['t:deal'] },
};

const hostile: SavedArticle = {
  ...record,
  url: 'https://evil.example/a',
  pageUrl: 'https://evil.example/a',
  title: '[click me](javascript:alert(1)) <img src=x onerror=alert(1)>',
  byline: '**bold** `code`',
  paragraphs: ['# Not a heading', '1. Not a list', '> not a quote', '<script>alert(1)</script> and ![img](https://evil.example/x.png) & &amp;', 'line one\nline two'],
  claims: [
    claim('h', {
      text: '[evidence](javascript:steal())',
      review: { status: 'verified', note: '<b>note</b>', evidence: ['javascript:alert(1)', 'https://ok.example/a b'], updatedAt: 1 },
    }),
  ],
};

describe('Markdown', () => {
  it('has the title, the metadata, the text and the claims with reviews', () => {
    const md = articleMarkdown(record);
    expect(md.split('\n').slice(0, 12)).toEqual([
      '# Macron says the deal is done',
      '',
      '- Address: <https://news.example/world/deal>',
      '- Read at: <https://reader.example/read?u=deal>',
      '- Publisher: Example News (via Reader)',
      '- By: Ana Lima',
      '- Published: 2025-08-19',
      '- Saved: 2025-08-19',
      '- Language: en-gb',
      '- Tags: france, to check',
      '- Words: 30',
      '',
    ]);
    expect(md).toContain(`\n${P0}\n\n${P1}\n\n## Claims\n`);
    expect(md).toContain(
      [
        '> the deal was "done"',
        '',
        '- Reported statement by Emmanuel Macron',
        '- Status: Disputed (your review, 2025-08-20)',
        '- Note: Officials gave no date.',
        '- Evidence: <https://factcheck.example/deal>, <https://gov.example/statement>',
      ].join('\n'),
    );
    expect(md).toContain('- Status: Unverified (what the text itself establishes)\n- Why it is flagged: Attributed to unnamed sources');
    // Every listed claim (reviewed, or flagged by the text), none other.
    expect(md.match(/^- Status:/gm)).toHaveLength(4);
  });

  it('lets nothing in the text become a link, an image, HTML or structure', () => {
    const md = articleMarkdown(hostile);
    expect(md).toContain('# \\[click me\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\>\n');
    expect(md).toContain('- By: \\*\\*bold\\*\\* \\`code\\`');
    expect(md).toContain('\n\\# Not a heading\n');
    expect(md).toContain('\n1\\. Not a list\n');
    expect(md).toContain('\n\\> not a quote\n');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> and !\\[img\\](https://evil.example/x.png) \\& \\&amp;');
    expect(md).toContain('\nline one line two\n');
    expect(md).toContain('> \\[evidence\\](javascript:steal())');
    expect(md).toContain('- Note: \\<b\\>note\\</b\\>');
    // Only the http(s) evidence link is a link, percent-encoded.
    expect(md).toContain('- Evidence: <https://ok.example/a%20b>\n');
    expect(md).not.toMatch(/[^\\][[<]\s*javascript/i);
    expect(md).not.toMatch(/(^|[^\\])<(?!https:\/\/)[a-z/]/im); // no unescaped tag
  });

  it('keeps the line breaks of a note: a hard break per line, a paragraph per empty line, nothing escaping the list item (issue #15)', () => {
    const note = 'Called the council.\nThey said May.\r\n\r\n# Minutes: see p. 4\n1. not a list\n- nor this';
    const md = articleMarkdown({ ...record, claims: [claim('n', { review: { status: 'verified', note, evidence: [], updatedAt: 1 } })] });
    expect(md).toContain(['- Note: Called the council.\\', '  They said May.', '', '  \\# Minutes: see p. 4\\', '  1\\. not a list\\', '  \\- nor this', '- Status'].slice(0, 6).join('\n'));
    // Each line of the note is in the Markdown on a line of its own: none became a space.
    for (const line of ['Called the council.', 'They said May.'])
      expect(
        md.split('\n').some(
          (l) =>
            l
              .replace(/^- Note: /, '')
              .trim()
              .replace(/\\$/, '') === line,
        ),
      ).toBe(true);
    expect(mdLines('one line')).toBe(mdText('one line'));
    expect(mdLines('\n\nspaced\n\n\nout\n')).toBe('spaced\n\n  out');
  });

  it('escapes what would start a line’s structure, and only that', () => {
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('+1 (AP)')).toBe('\\+1 (AP)');
    expect(mdText('12) twelve')).toBe('12\\) twelve');
    expect(mdText('U.S. costs 5.2% - said (AFP)')).toBe('U.S. costs 5.2% - said (AFP)');
  });

  it('puts several articles one after the other', () => {
    const md = articlesMarkdown([record, hostile], Date.UTC(2025, 7, 23));
    expect(md.startsWith('<!-- 2 articles exported from Backstory on 2025-08-23 -->\n\n# Macron says')).toBe(true);
    expect(md.match(/^# /gm)).toHaveLength(2);
    expect(md).toContain('\n---\n\n# \\[click me\\]');
  });
});

describe('JSON', () => {
  it('is the record without internal fields, times in ISO 8601', () => {
    const j = articleJson(record);
    for (const k of ['id', 'bytes', 'actorKeys', 'date', 'fingerprint']) expect(j).not.toHaveProperty(k);
    expect(j.savedAt).toBe('2025-08-19T20:00:00.000Z');
    expect(j.actors[0]).toEqual({ name: 'Emmanuel Macron', type: 'PER', aliases: ['Mr Macron', 'Macron'], mentions: 2, role: 'French president' });
    expect(j.claims.map((c) => [c.id, c.status, c.review?.updatedAt ?? null])).toEqual([
      ['c-deal', 'disputed', '2025-08-20T09:00:00.000Z'],
      ['c-strike', 'unverified', null],
      ['c-across', 'verified', '2025-08-21T00:00:00.000Z'],
      ['c-stale', 'false', '2025-08-22T00:00:00.000Z'],
    ]);
    expect(j.paragraphs).toEqual([P0, P1]);
    const file = toolExport('json', [record], { now: Date.UTC(2025, 7, 23) });
    expect(file.filename).toBe('macron-says-the-deal-is-done.json');
    expect(JSON.parse(file.text)).toMatchObject({ format: 'backstory-articles', version: 1, exportedAt: '2025-08-23T00:00:00.000Z', articles: [{ title: record.title }] });
  });
});

describe('Web Annotations', () => {
  const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('makes one “assessing” annotation per reviewed claim, with status, note, speaker and evidence', () => {
    const a = claimAnnotation(record, REVIEWED)!;
    expect(a).toEqual({
      id: expect.stringMatching(UUID),
      type: 'Annotation',
      motivation: 'assessing',
      created: '2025-08-20T09:00:00.000Z',
      modified: '2025-08-20T09:00:00.000Z',
      body: [
        { type: 'TextualBody', purpose: 'assessing', value: 'Disputed', format: 'text/plain', language: 'en' },
        { type: 'TextualBody', purpose: 'commenting', value: 'Officials gave no date.', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'describing', value: 'Reported statement by Emmanuel Macron', format: 'text/plain', language: 'en' },
        { type: 'SpecificResource', purpose: 'linking', source: 'https://factcheck.example/deal' },
        { type: 'SpecificResource', purpose: 'linking', source: 'https://gov.example/statement' },
      ],
      target: {
        source: 'https://news.example/world/deal',
        scope: 'https://reader.example/read?u=deal',
        selector: { type: 'TextQuoteSelector', exact: DEAL, prefix: P0.slice(AT - 32, AT), suffix: P0.slice(AT + DEAL.length) },
      },
    });
    expect(P0.slice(AT - 32, AT)).toBe('uel Macron said on Tuesday that ');
    expect(P0.slice(AT + DEAL.length)).toBe(', according to officials.');
    expect(claimAnnotation(record, FLAGGED)).toBeNull(); // not reviewed
  });

  it('targets every paragraph of a claim that runs over several, and the claim’s text when its spans no longer fit', () => {
    const across = claimAnnotation(record, ACROSS)!;
    expect(Array.isArray(across.target)).toBe(true);
    const targets = across.target as { selector: { exact: string; prefix?: string; suffix?: string } }[];
    expect(targets.map((t) => t.selector)).toEqual([
      { type: 'TextQuoteSelector', exact: 'President Emmanuel Macron', suffix: P0.slice(25, 57) },
      { type: 'TextQuoteSelector', exact: 'Mr Macron later denied it.', prefix: P1.slice(16, 48) },
    ]);
    expect(claimAnnotation(record, STALE)!.target).toMatchObject({ selector: { type: 'TextQuoteSelector', exact: STALE.text } });
  });

  it('gives each annotation a stable id of its own', () => {
    expect(claimAnnotation(record, REVIEWED)!.id).toBe(claimAnnotation({ ...record, title: 'Retitled' }, REVIEWED)!.id);
    expect(claimAnnotation(record, REVIEWED)!.id).not.toBe(claimAnnotation(record, ACROSS)!.id);
    expect(claimAnnotation(record, REVIEWED)!.id).not.toBe(claimAnnotation({ ...record, url: 'https://news.example/other' }, REVIEWED)!.id);
    expect(stableUuid('a')).not.toBe(stableUuid('b'));
  });

  it('wraps them in an AnnotationCollection, and adds named actors only when asked', () => {
    const now = Date.UTC(2025, 7, 23);
    const plain = annotationCollection([record, hostile], { now });
    expect(plain).toMatchObject({ '@context': ANNO_CONTEXT, type: 'AnnotationCollection', total: 4, generated: '2025-08-23T00:00:00.000Z', first: { type: 'AnnotationPage', startIndex: 0 } });
    expect(plain.id).toMatch(UUID);
    const items = (plain.first as { items: { motivation: string; body: { source?: string }[] }[] }).items;
    expect(items.map((i) => i.motivation)).toEqual(['assessing', 'assessing', 'assessing', 'assessing']);
    // The hostile record's javascript: evidence is not a body; its https one is.
    expect(items[3]!.body.filter((b) => b.source).map((b) => b.source)).toEqual(['https://ok.example/a%20b']);

    const withActors = annotationCollection([record], { now, actors: true });
    expect(withActors.total).toBe(5);
    const actorItems = (withActors.first as { items: { motivation: string }[] }).items.filter((i) => i.motivation === 'identifying');
    expect(actorItems).toHaveLength(2);
    expect(actorAnnotation(record, record.actors[0]!)).toMatchObject({
      motivation: 'identifying',
      body: [
        { purpose: 'identifying', value: 'Emmanuel Macron' },
        { purpose: 'classifying', value: 'Person' },
        { purpose: 'describing', value: 'French president' },
      ],
      target: { source: record.url, selector: { type: 'TextQuoteSelector', exact: 'Emmanuel Macron', prefix: 'President ', suffix: P0.slice(25, 57) } },
    });
    // Named nowhere in the text: the annotation is on the article as a whole.
    expect(actorAnnotation(record, record.actors[1]!).target).toBe(record.url);

    const none = annotationCollection([{ ...record, claims: [] }], { now });
    expect(none.total).toBe(0);
    expect(none).not.toHaveProperty('first');
    const file = toolExport('annotations', [record], { now });
    expect(file.filename).toBe('macron-says-the-deal-is-done.annotations.jsonld');
    expect(file.mime).toBe('application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"');
    expect(JSON.parse(file.text)).toEqual(JSON.parse(JSON.stringify(annotationCollection([record], { now }))));
  });

  it('finds an actor’s first mention by whole words, and never cuts a surrogate pair', () => {
    expect(firstMention({ paragraphs: ['Macronism is not Macron.'] }, { name: 'Emmanuel Macron', aliases: ['Macron'] })).toEqual({ paragraph: 0, start: 17, end: 23 });
    expect(firstMention({ paragraphs: ['nothing here'] }, { name: 'X', aliases: [] })).toBeNull();
    const p = `${'😀'.repeat(20)}quote${'😀'.repeat(20)}`;
    const sel = quoteSelector(p, 40, 45);
    expect(sel.exact).toBe('quote');
    expect(sel.prefix).toBe('😀'.repeat(16));
    expect(sel.suffix).toBe('😀'.repeat(16));
    const odd = quoteSelector(p, 40, 45 - 0);
    expect(odd.prefix!.length % 2).toBe(0);
    expect(quoteSelector(`x${'😀'.repeat(20)}quote`, 41, 46).prefix).toBe('😀'.repeat(16));
  });
});

describe('file names', () => {
  it('come from the title, or the date for several articles', () => {
    expect(slug('Macron: “The deal is done!”')).toBe('macron-the-deal-is-done');
    expect(slug('Žižek über Köln')).toBe('žižek-über-köln');
    expect(slug('***')).toBe('article');
    expect(slug('a'.repeat(100))).toHaveLength(60);
    expect(toolExport('markdown', [record, hostile], { now: Date.UTC(2025, 7, 23) }).filename).toBe('backstory-articles-2025-08-23.md');
  });
});
