import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../lib/background/analyser';
import { canonicalName } from '../../lib/nlp/canonical-names';
import type { Article } from '../../lib/types';

const modelBytes = () => {
  const buf = readFileSync(new URL('../../public/models/ner.bin', import.meta.url));
  return Promise.resolve(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
};
const claimsModel = () => Promise.resolve(JSON.parse(readFileSync(new URL('../../public/models/claims.json', import.meta.url), 'utf8')) as unknown);
const models = { ner: modelBytes, claims: claimsModel };

const article = (paragraphs: string[]): Article => ({
  url: 'https://news.example/a',
  pageUrl: 'https://news.example/a',
  title: 't',
  byline: null,
  publisher: null,
  aggregator: null,
  published: null,
  lang: null,
  excerpt: null,
  wordCount: 100,
  paragraphs,
  truncated: false,
});

describe('canonical names', () => {
  it('maps unambiguous variants of places and bodies to one name', () => {
    expect(canonicalName('UK', 'LOC')).toBe('United Kingdom');
    expect(canonicalName('Britain', 'LOC')).toBe('United Kingdom');
    expect(canonicalName('U.S.', 'LOC')).toBe('United States');
    expect(canonicalName('NATO', 'ORG')).toBe('Nato');
    expect(canonicalName('EU', 'ORG')).toBe('European Union');
    expect(canonicalName('EU', 'LOC')).toBe('European Union');
    expect(canonicalName('GOP', 'ORG')).toBe('Republican Party');
    expect(canonicalName('Democrats', 'ORG')).toBe('Democratic Party');
  });
  it("names a country's body by the country's name, so its spellings are one actor", () => {
    expect(canonicalName('US government', 'ORG')).toBe('United States government');
    expect(canonicalName('U.S. military', 'ORG')).toBe('United States military');
    expect(canonicalName('UK defence ministry', 'ORG')).toBe('United Kingdom defence ministry');
    expect(canonicalName('Obama administration', 'ORG')).toBeNull();
    expect(canonicalName('US Steel', 'ORG')).toBeNull();
  });
  it('names a US state by its name where an agency abbreviates it, as a place only', () => {
    expect(canonicalName('Calif.', 'LOC')).toBe('California');
    expect(canonicalName('Calif', 'LOC')).toBe('California');
    expect(canonicalName('Pa.', 'LOC')).toBe('Pennsylvania');
    expect(canonicalName('N.Y.', 'LOC')).toBe('New York');
    expect(canonicalName('Miss.', 'PER')).toBeNull();
    expect(canonicalName('Ind.', 'ORG')).toBeNull();
    expect(canonicalName('PA', 'LOC')).toBeNull();
    expect(canonicalName('la', 'LOC')).toBeNull();
  });
  it('leaves people, unknown names and look-alike words alone', () => {
    expect(canonicalName('UK', 'PER')).toBeNull();
    expect(canonicalName('Us', 'LOC')).toBeNull();
    expect(canonicalName('Georgia', 'LOC')).toBeNull();
    expect(canonicalName('US', 'ORG')).toBeNull();
  });
});

describe('the analyser', () => {
  it('gives the same actor the same key in different articles', async () => {
    const analyse = createAnalyser(models);
    const one = await analyse(article(['The UK said on Monday that it would send more aid to the region, officials in London confirmed.']));
    const two = await analyse(article(['Ministers in the United Kingdom said on Monday that they would send more aid to the region.']));
    const key = (a: typeof one, name: string) => a.actors.find((x) => x.aliases.includes(name))?.key;
    expect(key(one, 'UK')).toBe('LOC:united kingdom');
    expect(key(two, 'United Kingdom')).toBe('LOC:united kingdom');
    expect(one.timings.ner).toBeGreaterThanOrEqual(0);
  });

  it('says when the article is not in English instead of finding nothing silently', async () => {
    const analyse = createAnalyser(models);
    const fr = await analyse(
      article([
        "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la sécheresse, qui dure depuis le début de l'été dans le sud du pays.",
        'Les syndicats ont salué ces annonces, tout en réclamant des aides plus rapides et une simplification des démarches administratives pour les exploitations les plus fragiles.',
      ]),
    );
    expect(fr.actors).toEqual([]);
    expect(fr.notice).toMatch(/English text only/);
  });

  it('loads the model again after a failed load instead of failing for good', async () => {
    let calls = 0;
    const analyse = createAnalyser({
      claims: claimsModel,
      async ner() {
        calls++;
        if (calls === 1) throw new Error('disk hiccup');
        return modelBytes();
      },
    });
    await expect(analyse(article(['Hello.']))).rejects.toThrow('disk hiccup');
    await expect(analyse(article(['Angela Merkel visited Paris.']))).resolves.toMatchObject({ mentions: expect.any(Array) });
    expect(calls).toBe(2);
  });

  it('finds claims with speakers and scores, and none in a language it cannot read', async () => {
    const analyse = createAnalyser(models);
    const en = await analyse(
      article([
        'Unemployment fell to 3.5 percent last year, the lowest level in 50 years, according to the Office for National Statistics.',
        '“We will not raise taxes,” Rachel Reeves told the BBC on Sunday.',
      ]),
    );
    const quote = en.claims?.find((c) => c.kind === 'quote');
    expect(quote).toMatchObject({ speaker: 'Rachel Reeves', speakerKey: expect.stringMatching(/^PER:/) });
    expect(en.claims?.some((c) => c.text.includes('3.5 percent') && c.checkworthy)).toBe(true);
    expect(en.timings.claims).toBeGreaterThanOrEqual(0);
  });

  it('reads no claim in a paragraph marked as a caption, and keeps paragraph numbers', async () => {
    const analyse = createAnalyser(models);
    const text = [
      '“We will not raise taxes,” Rachel Reeves told the BBC on Sunday.',
      'Unemployment fell to 3.5 percent last year, the lowest level in 50 years, according to the Office for National Statistics.',
      '“Inflation will fall below 2 percent by spring,” Andrew Bailey said on Monday.',
    ];
    const plain = await analyse(article(text));
    expect(plain.claims?.some((c) => c.spans.some((s) => s.paragraph === 1))).toBe(true);
    const marked = await analyse({ ...article(text), captions: [1] });
    expect(marked.claims?.length).toBeGreaterThan(0);
    expect(marked.claims?.some((c) => c.spans.some((s) => s.paragraph === 1))).toBe(false);
    expect(marked.claims?.some((c) => c.spans.some((s) => s.paragraph === 2) && c.text.includes('Inflation'))).toBe(true);
  });
});

describe('the event fingerprint at analysis', () => {
  it('is computed with the IDF source, from the text, actors and date, and loads the words it weighs', async () => {
    const { loadIdfTable } = await import('../../lib/events/idf');
    const table = loadIdfTable(readFileSync(new URL('../../public/models/idf.json', import.meta.url), 'utf8'));
    const asked: string[] = [];
    const idf = { docs: table.docs, df: (t: string) => table.df(t), load: async (ts: Iterable<string>) => void asked.push(...ts) };
    const analyse = createAnalyser({ ...models, idf: async () => idf });
    const a = await analyse({ ...article(['Floods in Valencia: Prime Minister Pedro Sánchez visited Paiporta on 3 November 2024.']), published: '2024-11-04T08:00:00Z' });
    expect(a.fingerprint?.day).toBe(Math.floor(Date.parse('2024-11-04') / 86_400_000));
    expect(a.fingerprint?.terms).toEqual(expect.arrayContaining(['flood', 'paiporta']));
    expect(a.fingerprint?.keys.some((k) => k.startsWith('PER:') && k.includes('sanchez'))).toBe(true);
    expect(asked).toEqual(expect.arrayContaining(['flood', 'valencia']));
    expect(a.timings.fingerprint).toBeGreaterThanOrEqual(0);
    // Without an IDF source there is no fingerprint (the service then makes one).
    expect((await createAnalyser(models)(article(['Floods in Valencia.']))).fingerprint).toBeUndefined();
  });
});
