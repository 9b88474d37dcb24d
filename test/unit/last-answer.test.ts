import { describe, expect, it } from 'vitest';
import { lastAnswer } from '../../components/last-answer.ts';

/** A question whose answer comes back when the test says so. */
function deferred<T>() {
  let answer!: (v: T) => void;
  const promise = new Promise<T>((r) => (answer = r));
  return { promise, answer };
}

describe('lastAnswer', () => {
  it('marks an answer stale when a later question was asked before it came back', async () => {
    const latest = lastAnswer();
    // The panel asks before the page reloads (the answer: the article) and again after (no article);
    // the second answer comes back first.
    const before = deferred<string>();
    const after = deferred<string>();
    const first = latest(() => before.promise);
    const second = latest(() => after.promise);
    after.answer('idle');
    before.answer('ready');
    expect(await second).toEqual({ current: true, value: 'idle' });
    expect(await first).toEqual({ current: false, value: 'ready' });
  });

  it('keeps each answer current when the questions do not overlap', async () => {
    const latest = lastAnswer();
    expect(await latest(async () => 1)).toEqual({ current: true, value: 1 });
    expect(await latest(async () => 2)).toEqual({ current: true, value: 2 });
  });

  it('counts the questions of each instance apart', async () => {
    const a = lastAnswer();
    const b = lastAnswer();
    const slow = deferred<string>();
    const pending = a(() => slow.promise);
    await b(async () => 'other');
    slow.answer('mine');
    expect(await pending).toEqual({ current: true, value: 'mine' });
  });
});
