import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bisectOutcome, nextCandidate, recordVerdict, startBisect, verdictOf, type Verdict } from '../../../src/core/bisect.js';

const VERSIONS = ['1.0.0', '1.0.1', '1.0.2', '1.0.3', '1.0.4', '1.0.5', '1.0.6', '1.0.7', '1.0.8', '1.0.9'];

/** Runs the search against a judge; returns the versions tested in order and the outcome. */
function search(versions: readonly string[], judge: (version: string) => Verdict) {
  let state = startBisect(versions);
  const tested: string[] = [];
  for (let index = nextCandidate(state); index !== undefined; index = nextCandidate(state)) {
    tested.push(versions[index]!);
    state = recordVerdict(state, index, judge(versions[index]!));
  }
  return { tested, ...bisectOutcome(state) };
}

const failsFrom = (first: number) => (version: string): Verdict => (Number(version.split('.')[2]) >= first ? 'bad' : 'good');

describe('bisect search', () => {
  it('halves the range each step: 3 checks between 10 releases', () => {
    assert.deepEqual(search(VERSIONS, failsFrom(6)), { tested: ['1.0.4', '1.0.6', '1.0.5'], lastGood: '1.0.5', firstBad: '1.0.6', untested: [] });
  });

  it('finds a first bad release next to either end', () => {
    assert.equal(search(VERSIONS, failsFrom(1)).firstBad, '1.0.1');
    assert.equal(search(VERSIONS, failsFrom(9)).firstBad, '1.0.9');
    assert.ok(search(VERSIONS, failsFrom(9)).tested.length <= 4);
  });

  it('never tests more than ceil(log2(n)) + 1 releases among 1,000 when nothing is skipped', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `2.${i}.0`);
    for (const first of [1, 2, 377, 500, 998, 999]) {
      const result = search(many, (version) => (Number(version.split('.')[1]) >= first ? 'bad' : 'good'));
      assert.equal(result.firstBad, `2.${first}.0`);
      assert.ok(result.tested.length <= 11, `${first}: ${result.tested.length} checks`);
    }
  });

  it('tests the nearest neighbour of a skipped release instead', () => {
    const judge = (version: string): Verdict => (version === '1.0.4' ? 'skip' : failsFrom(6)(version));
    assert.deepEqual(search(VERSIONS, judge), { tested: ['1.0.4', '1.0.5', '1.0.7', '1.0.6'], lastGood: '1.0.5', firstBad: '1.0.6', untested: [] });
  });

  it('reports skipped releases it could not rule out', () => {
    const judge = (version: string): Verdict => (version === '1.0.5' ? 'skip' : failsFrom(6)(version));
    const result = search(VERSIONS, judge);
    assert.deepEqual([result.lastGood, result.firstBad, result.untested], ['1.0.4', '1.0.6', ['1.0.5']]);
  });

  it('has nothing to test between two adjacent releases', () => {
    assert.equal(nextCandidate(startBisect(['1.0.0', '1.0.1'])), undefined);
  });

  it('reads exit statuses as git bisect run does', () => {
    assert.deepEqual([0, 1, 2, 125, 127, 255, null].map(verdictOf), ['good', 'bad', 'bad', 'skip', 'bad', 'bad', 'bad']);
  });
});
