/**
 * Bounded concurrency for independent tasks (installs, release lookups): at
 * most `limit` run at once, each result lands at its item's position, and a
 * task that fails never cancels the others. Pure: no I/O and no timers.
 */

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `task` for every item with at most `limit` in flight, starting them in
 * input order. Resolves once every task has settled; never rejects because of
 * a task (a failure is a `{ ok: false }` result).
 */
export async function mapSettled<I, T>(items: readonly I[], limit: number, task: (item: I, index: number) => Promise<T>): Promise<Settled<T>[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const results = new Array<Settled<T>>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { ok: true, value: await task(items[index] as I, index) };
      } catch (error) {
        results[index] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * A one-at-a-time section inside concurrent work: each call's `work` starts
 * only after every earlier call's work has settled (failed work does not block
 * the queue), in the order the calls were made.
 */
export function createSerial(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}
