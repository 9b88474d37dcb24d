/** The scale bench's article stream: deterministic, and continued exactly on a kept profile (--keep). */
import { describe, expect, it } from 'vitest';
import { ArticleStream } from '../../lib/cli/bench-scale/generate';
import { rng } from '../../lib/nlp/claims/logreg';

describe('the scale bench article stream', () => {
  it('gives the same articles for the same seed, and others for another', () => {
    const urls = (seed: number) => {
      const s = new ArticleStream(seed);
      return Array.from({ length: 30 }, () => s.next().article.url);
    };
    expect(urls(1)).toEqual(urls(1));
    expect(new Set(urls(1)).size).toBe(30);
    expect(urls(2)).not.toEqual(urls(1));
  });

  it('continues where a stream stopped, for the articles of the stream and the fresh ones', () => {
    const a = new ArticleStream(7);
    for (let i = 0; i < 57; i++) a.next();
    const r1 = rng(3);
    a.fresh(r1);
    a.fresh(r1);
    const at = a.position;
    const nextA = [a.next(), a.next()];
    const freshA = a.fresh(rng(11));

    const b = new ArticleStream(7);
    b.resume(at);
    expect(b.position).toEqual(at);
    const nextB = [b.next(), b.next()];
    expect(nextB.map((g) => g.article)).toEqual(nextA.map((g) => g.article));
    expect(b.completeEvents).toBe(a.completeEvents);
    expect(b.fresh(rng(11)).article).toEqual(freshA.article);
  });
});

describe('the scale bench hard negatives', () => {
  it('pairs some events with an earlier one: same place and kind, weeks later, other people and key terms', () => {
    const s = new ArticleStream(5);
    const plans = Array.from({ length: 400 }, (_, e) => s.eventPlan(e));
    let siblings = 0;
    for (const p of plans) {
      const earlier = plans.slice(Math.max(0, p.index - 50), p.index).filter((q) => q.city.key === p.city.key && q.topic.name === p.topic.name);
      const twin = earlier.find((q) => p.startDay - q.startDay >= 14 && p.startDay - q.startDay <= 56);
      if (!twin) continue;
      siblings++;
      expect(p.people.map((x) => x.key)).not.toEqual(twin.people.map((x) => x.key));
      expect(p.keyTerms).not.toEqual(twin.keyTerms);
    }
    // About a third (SIBLING_SHARE); independent plans would almost never share a city and topic.
    expect(siblings).toBeGreaterThan(400 * 0.2);
    expect(siblings).toBeLessThan(400 * 0.4);
    // The same plan every time it is asked for.
    expect(new ArticleStream(5).eventPlan(123)).toEqual(plans[123]);
  });
});
