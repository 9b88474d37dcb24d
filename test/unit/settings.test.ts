import { describe, expect, it } from 'vitest';
import { autoRunPatterns, DEFAULT_SETTINGS, originFromInput, originPattern, parseSettings, savesAutomatically } from '../../lib/settings';

describe('settings', () => {
  it('defaults to reading nothing by itself, and drops junk', () => {
    expect(parseSettings(undefined)).toEqual({ autoRun: 'off', sites: [], highlights: true, allClaims: false, autoSave: false, neverSave: [] });
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(
      parseSettings({ autoRun: 'always', sites: ['https://a.example', 42, 'javascript:alert(1)', 'https://a.example'], highlights: 'no', allClaims: 'yes', autoSave: 'yes', neverSave: ['x'] }),
    ).toEqual({
      autoRun: 'off',
      sites: ['https://a.example'],
      highlights: true,
      allClaims: false,
      autoSave: false,
      neverSave: [],
    });
    expect(parseSettings({ highlights: false }).highlights).toBe(false);
    expect(parseSettings({ allClaims: true }).allClaims).toBe(true);
  });

  it('reads what a person types as a site', () => {
    expect(originFromInput('theguardian.com')).toBe('https://theguardian.com');
    expect(originFromInput(' https://www.bbc.co.uk/news/world-123 ')).toBe('https://www.bbc.co.uk');
    expect(originFromInput('http://localhost:8080/x')).toBe('http://localhost:8080');
    expect(originFromInput('javascript:alert(1)')).toBeNull();
    expect(originFromInput('not a site')).toBeNull();
    expect(originFromInput('')).toBeNull();
  });

  it('asks for exactly the patterns the setting needs', () => {
    const base = { ...DEFAULT_SETTINGS, sites: ['https://a.example'] };
    expect(autoRunPatterns(base)).toEqual([]);
    expect(autoRunPatterns({ ...base, autoRun: 'sites' })).toEqual(['https://a.example/*']);
    expect(autoRunPatterns({ ...base, autoRun: 'all', sites: [] })).toEqual(['http://*/*', 'https://*/*']);
  });

  it('builds match patterns without a port, which Firefox never grants', () => {
    expect(originPattern('http://127.0.0.1:40000')).toBe('http://127.0.0.1/*');
    expect(originPattern('http://localhost:8080/news/a?x=1#y')).toBe('http://localhost/*');
    expect(originPattern('https://www.bbc.co.uk/news/uk')).toBe('https://www.bbc.co.uk/*');
    expect(originPattern('http://[::1]:3000/a')).toBe('http://[::1]/*');
    expect(autoRunPatterns({ ...DEFAULT_SETTINGS, autoRun: 'sites', sites: ['http://news.example:8080'] })).toEqual(['http://news.example/*']);
  });

  it('saves automatically only when switched on, and never on excluded sites', () => {
    const on = parseSettings({ autoSave: true, neverSave: ['https://private.example'] });
    expect(savesAutomatically(DEFAULT_SETTINGS, 'https://news.example/a')).toBe(false);
    expect(savesAutomatically(on, 'https://news.example/a')).toBe(true);
    expect(savesAutomatically(on, 'https://private.example/diary')).toBe(false);
    expect(savesAutomatically(on, 'not a url')).toBe(false);
  });
});
