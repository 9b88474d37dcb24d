import { describe, expect, it } from 'vitest';
import { autoRunPatterns, originFromInput, parseSettings } from '../../lib/settings';

describe('settings', () => {
  it('defaults to reading nothing by itself, and drops junk', () => {
    expect(parseSettings(undefined)).toEqual({ autoRun: 'off', sites: [], highlights: true });
    expect(parseSettings({ autoRun: 'always', sites: ['https://a.example', 42, 'javascript:alert(1)', 'https://a.example'], highlights: 'no' })).toEqual({
      autoRun: 'off',
      sites: ['https://a.example'],
      highlights: true,
    });
    expect(parseSettings({ highlights: false }).highlights).toBe(false);
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
    expect(autoRunPatterns({ autoRun: 'off', sites: ['https://a.example'], highlights: true })).toEqual([]);
    expect(autoRunPatterns({ autoRun: 'sites', sites: ['https://a.example'], highlights: true })).toEqual(['https://a.example/*']);
    expect(autoRunPatterns({ autoRun: 'all', sites: [], highlights: true })).toEqual(['http://*/*', 'https://*/*']);
  });
});
