import { describe, expect, it } from 'vitest';
import { excerpt, formatBytes, plural, readingTime, safeHref, speakerLabel, SPEAKER_CHARS } from '../../components/format';
import { isBroadcast, isContentCommand, isRequestEnvelope } from '../../lib/messaging/protocol';

describe('format', () => {
  it('makes only http(s) links clickable', () => {
    expect(safeHref('https://news.example/a?b=1')).toBe('https://news.example/a?b=1');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
  });

  it("shows a claim as the article wrote it: the reporter's narration gets no quotation marks, a quote keeps its own", () => {
    // beside "Keir Starmer", marks around the narration would make the reporter's words his
    expect(excerpt('He said he was "very pleased" with the outcomes.', 200)).toBe('He said he was "very pleased" with the outcomes.');
    expect(excerpt('  “We have moved forward,” he said. ', 200)).toBe('“We have moved forward,” he said.');
    expect(excerpt('Speaking to the BBC, Sir Keir said this week had seen a breakthrough.', 20)).toBe('Speaking to the BBC…');
  });

  it('gives reading time and sizes a reader takes in at a glance', () => {
    expect(readingTime(0)).toBe('');
    expect(readingTime(50)).toBe('1 min read');
    expect(readingTime(1150)).toBe('5 min read');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatBytes(null)).toBe('unknown');
    expect(plural(1, 'article')).toBe('1 article');
    expect(plural(2, 'article')).toBe('2 articles');
  });
});

describe('protocol guards', () => {
  it('accepts only known, well-formed requests', () => {
    expect(isRequestEnvelope({ kind: 'panel/state', payload: { tabId: 1 } })).toBe(true);
    expect(isRequestEnvelope({ kind: 'panel/state' })).toBe(false);
    expect(isRequestEnvelope({ kind: 'evil/run', payload: {} })).toBe(false);
    expect(isRequestEnvelope('panel/state')).toBe(false);
    expect(isRequestEnvelope(null)).toBe(false);
    expect(isBroadcast({ kind: 'tab/changed', tabId: 1 })).toBe(true);
    expect(isBroadcast({ kind: 'panel/state' })).toBe(false);
    expect(isContentCommand({ kind: 'content/reanalyse' })).toBe(true);
    expect(isContentCommand({ kind: 'content/eval' })).toBe(false);
  });
});

describe('speakerLabel', () => {
  it('keeps a name whole, and cuts a long description before its relative clause or at a word', () => {
    expect(speakerLabel('Michael Forrest Jones')).toBe('Michael Forrest Jones');
    expect(speakerLabel('hotel bosses that responded to an online thread about the things hotel owners don’t want you to know')).toBe('hotel bosses…');
    const long = 'a senior official in the regional transport ministry of the northern province';
    const label = speakerLabel(long);
    expect(label.length).toBeLessThanOrEqual(SPEAKER_CHARS + 1);
    expect(label.endsWith('…')).toBe(true);
    expect(long.startsWith(label.slice(0, -1))).toBe(true);
  });
});
