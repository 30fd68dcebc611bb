import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSerial, mapSettled } from '../../../src/core/pool.js';

interface Deferred {
  promise: Promise<string>;
  resolve(value: string): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve!: (value: string) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('mapSettled', () => {
  it('never runs more tasks at once than the limit, and starts them in input order', async () => {
    const gates = Array.from({ length: 7 }, deferred);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const done = mapSettled(gates, 3, async (gate, index) => {
      started.push(index);
      most = Math.max(most, ++running);
      try {
        return await gate.promise;
      } finally {
        running--;
      }
    });
    await flush();
    assert.deepEqual(started, [0, 1, 2]);
    for (const [index, gate] of gates.entries()) {
      gate.resolve(`r${index}`);
      await flush();
    }
    await done;
    assert.equal(most, 3);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6]);
  });

  it('puts each result at its item\'s position, whatever order the tasks finish in', async () => {
    const gates = Array.from({ length: 4 }, deferred);
    const done = mapSettled(gates, 4, (gate) => gate.promise);
    for (const index of [3, 1, 0, 2]) gates[index]!.resolve(`r${index}`);
    assert.deepEqual(await done, [0, 1, 2, 3].map((index) => ({ ok: true, value: `r${index}` })));
  });

  it('a failing task does not cancel the others: its result says why, the rest complete', async () => {
    const boom = new Error('boom');
    const results = await mapSettled([1, 2, 3, 4], 2, async (item) => {
      if (item === 2) throw boom;
      await flush();
      return item * 10;
    });
    assert.deepEqual(results, [{ ok: true, value: 10 }, { ok: false, error: boom }, { ok: true, value: 30 }, { ok: true, value: 40 }]);
  });

  it('a task that throws before its first await is a failed result too', async () => {
    const results = await mapSettled(['a'], 1, (() => {
      throw new Error('sync');
    }) as (item: string) => Promise<string>);
    assert.equal(results[0]!.ok, false);
  });

  it('returns no results for no items, and refuses a limit that is not a positive integer', async () => {
    assert.deepEqual(await mapSettled([], 4, async () => 1), []);
    await assert.rejects(mapSettled([1], 0, async () => 1), RangeError);
    await assert.rejects(mapSettled([1], 1.5, async () => 1), RangeError);
  });
});

describe('createSerial', () => {
  it('runs work one at a time in the order it was handed in, past failures', async () => {
    const serial = createSerial();
    const gates = [deferred(), deferred(), deferred()];
    const log: string[] = [];
    const runs = gates.map((gate, index) =>
      serial(async () => {
        log.push(`start ${index}`);
        const value = await gate.promise;
        log.push(`end ${index}`);
        return value;
      }),
    );
    await flush();
    assert.deepEqual(log, ['start 0']);
    gates[0]!.reject(new Error('first failed'));
    await assert.rejects(runs[0]!, /first failed/);
    await flush();
    assert.deepEqual(log, ['start 0', 'start 1']);
    gates[2]!.resolve('c');
    gates[1]!.resolve('b');
    assert.deepEqual(await Promise.all(runs.slice(1)), ['b', 'c']);
    assert.deepEqual(log, ['start 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });
});
