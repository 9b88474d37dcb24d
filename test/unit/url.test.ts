import { describe, expect, it } from 'vitest';
import { isTrackingParam, normaliseUrl } from '../../lib/extract/url';

describe('normaliseUrl', () => {
  it('drops the fragment', () => {
    expect(normaliseUrl('https://example.com/a/b#section-2')).toBe('https://example.com/a/b');
    expect(normaliseUrl('https://example.com/#top')).toBe('https://example.com/');
  });

  it('drops utm_* and other pure tracking parameters', () => {
    expect(normaliseUrl('https://example.com/story?utm_source=twitter&utm_medium=social&UTM_Campaign=x&fbclid=abc&gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&_ga=6&igshid=7')).toBe(
      'https://example.com/story',
    );
  });

  it('keeps meaningful parameters, in their original order and spelling', () => {
    expect(normaliseUrl('https://example.com/view?story=12&utm_source=x&id=7&p=3&page=2')).toBe('https://example.com/view?story=12&id=7&p=3&page=2');
    expect(normaliseUrl('https://example.com/s?q=a%20b&fbclid=z&lang=en')).toBe('https://example.com/s?q=a%20b&lang=en');
    expect(normaliseUrl('https://example.com/s?z=1&a=2')).toBe('https://example.com/s?z=1&a=2');
  });

  it('removes an empty query left behind', () => {
    expect(normaliseUrl('https://example.com/a?utm_source=x')).toBe('https://example.com/a');
    expect(normaliseUrl('https://example.com/a?')).toBe('https://example.com/a');
  });

  it('lower-cases scheme and host but not the path', () => {
    expect(normaliseUrl('HTTPS://News.Example.COM/World/Story')).toBe('https://news.example.com/World/Story');
  });

  it('drops default ports and keeps other ports', () => {
    expect(normaliseUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(normaliseUrl('https://example.com:443/a')).toBe('https://example.com/a');
    expect(normaliseUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('keeps www. (a different host in principle)', () => {
    expect(normaliseUrl('https://www.example.com/a')).toBe('https://www.example.com/a');
    expect(normaliseUrl('https://www.example.com/a')).not.toBe(normaliseUrl('https://example.com/a'));
  });

  it('removes a trailing slash from non-root paths only', () => {
    expect(normaliseUrl('https://example.com/a/b/')).toBe('https://example.com/a/b');
    expect(normaliseUrl('https://example.com/a/b//')).toBe('https://example.com/a/b');
    expect(normaliseUrl('https://example.com/')).toBe('https://example.com/');
    expect(normaliseUrl('https://example.com')).toBe('https://example.com/');
    expect(normaliseUrl('https://example.com/a/?id=1')).toBe('https://example.com/a?id=1');
  });

  it('is idempotent', () => {
    const once = normaliseUrl('HTTP://Example.com:80/a/b/?utm_source=x&id=1#frag');
    expect(once).toBe('http://example.com/a/b?id=1');
    expect(normaliseUrl(once)).toBe(once);
  });

  it('resolves against a base', () => {
    expect(normaliseUrl('/news/story/?utm_campaign=x#c', 'https://Example.com/other/page.html')).toBe('https://example.com/news/story');
    expect(normaliseUrl('story.html', 'https://example.com/news/')).toBe('https://example.com/news/story.html');
  });

  it('returns non-http(s) URLs and unparseable input unchanged', () => {
    for (const u of ['about:blank', 'mailto:Someone@Example.com?subject=Hi', 'file:///home/a/b/', 'chrome://settings/', 'data:text/html,<p>x#y</p>', 'not a url']) {
      expect(normaliseUrl(u)).toBe(u);
    }
  });
});

describe('isTrackingParam', () => {
  it('knows tracking families and leaves content parameters alone', () => {
    for (const p of ['utm_source', 'utm_content', 'fbclid', 'gclid', 'mc_eid', '_ga', 'igshid', 'pk_campaign']) expect(isTrackingParam(p)).toBe(true);
    for (const p of ['id', 'p', 'page', 'story', 'q', 'article', 'v']) expect(isTrackingParam(p)).toBe(false);
  });
});
