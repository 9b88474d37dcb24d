/**
 * Questions whose answers replace one another, such as "what does the panel show for this tab?":
 * only the answer to the question asked last is current. An earlier one that comes back later is
 * stale (the panel asked before the page was reloaded, and the answer about the article it no
 * longer shows arrived after the answer that it has no article): the caller does not show it.
 */
export interface Answer<T> {
  current: boolean;
  value: T;
}

export function lastAnswer(): <T>(ask: () => Promise<T>) => Promise<Answer<T>> {
  let asked = 0;
  return async (ask) => {
    const n = ++asked;
    const value = await ask();
    return { current: n === asked, value };
  };
}
