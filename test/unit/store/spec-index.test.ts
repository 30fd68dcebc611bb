import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GLOBAL_KEY, isIndexableSpec, LIVE_TARGET, planIndex, type IndexInput } from '../../../src/store/spec-index.js';

function plan(input: Partial<IndexInput>): Record<string, string> {
  return Object.fromEntries(
    planIndex({ versions: [], seenSpecs: [], globalSpec: undefined, globalIsLive: false, ...input }),
  );
}

describe('planIndex', () => {
  it('indexes every prefix of a semver version with and without v, and latest', () => {
    assert.deepEqual(plan({ versions: ['14.1.1'] }), {
      latest: '14.1.1',
      '14': '14.1.1',
      v14: '14.1.1',
      '14.1': '14.1.1',
      'v14.1': '14.1.1',
      '14.1.1': '14.1.1',
      'v14.1.1': '14.1.1',
    });
  });

  it('indexes calendar version prefixes as written, with leading zeros', () => {
    assert.deepEqual(plan({ versions: ['2024.08.06'] }), {
      latest: '2024.08.06',
      '2024': '2024.08.06',
      v2024: '2024.08.06',
      '2024.08': '2024.08.06',
      'v2024.08': '2024.08.06',
      '2024.08.06': '2024.08.06',
      'v2024.08.06': '2024.08.06',
    });
  });

  it('points each prefix at the newest matching version and exact keys at themselves', () => {
    const result = plan({ versions: ['14.0.0', '14.1.1', '13.9.9'] });
    assert.equal(result['14'], '14.1.1');
    assert.equal(result['14.0'], '14.0.0');
    assert.equal(result['13'], '13.9.9');
    assert.equal(result.latest, '14.1.1');
  });

  it('points an exact calendar key at that day, not at its nightly, while shorter prefixes take the nightly', () => {
    const result = plan({ versions: ['2024.10.22', '2024.10.22.1', '2024.08.06'] });
    assert.equal(result['2024.10.22'], '2024.10.22');
    assert.equal(result['v2024.10.22'], '2024.10.22');
    assert.equal(result['2024.10.22.1'], '2024.10.22.1');
    assert.equal(result['2024.10'], '2024.10.22.1');
    assert.equal(result['2024.08'], '2024.08.06');
    assert.equal(result.latest, '2024.10.22.1');
  });

  it('indexes a prerelease only under its full version, never under a release prefix or latest', () => {
    assert.deepEqual(plan({ versions: ['9.99.1-rc.1'] }), { '9.99.1-rc.1': '9.99.1-rc.1', 'v9.99.1-rc.1': '9.99.1-rc.1' });
  });

  it('resolves seen specs such as ranges', () => {
    const result = plan({ versions: ['1.7.1', '14.1.1', '2.0.0'], seenSpecs: ['^14', '>=1.6 <2', '~1.7'] });
    assert.equal(result['^14'], '14.1.1');
    assert.equal(result['>=1.6 <2'], '1.7.1');
    assert.equal(result['~1.7'], '1.7.1');
  });

  it('skips seen specs that cannot be file names, cannot be parsed, or match nothing', () => {
    const result = plan({ versions: ['14.1.1'], seenSpecs: ['a/b', '.hidden', '..', 'garbage', '^15'] });
    for (const key of ['a/b', '.hidden', '..', 'garbage', '^15']) assert.equal(key in result, false, key);
  });

  it('resolves @global from the global spec', () => {
    assert.equal(plan({ versions: ['14.1.1', '13.0.0'], globalSpec: '13' })[GLOBAL_KEY], '13.0.0');
    assert.equal(GLOBAL_KEY in plan({ versions: ['14.1.1'], globalSpec: '15' }), false);
    assert.equal(GLOBAL_KEY in plan({ versions: ['14.1.1'] }), false);
  });

  it('points @global at the live copy when the global selection is live', () => {
    assert.equal(plan({ versions: ['2024.08.06'], globalSpec: 'latest', globalIsLive: true })[GLOBAL_KEY], LIVE_TARGET);
    assert.equal(LIVE_TARGET, '@live');
  });

  it('indexes nothing, not even latest, when no versions are installed', () => {
    assert.deepEqual(plan({ seenSpecs: ['14'] }), {});
  });
});

describe('isIndexableSpec', () => {
  it('accepts specs that are plain file names, spaces and comparison signs included', () => {
    for (const spec of ['14', 'v14.1', 'latest', '^14', '>=1.6 <2', '~1.7']) assert.equal(isIndexableSpec(spec), true, spec);
  });

  it('rejects empty specs, paths, dot files, @ keys and very long text', () => {
    for (const spec of ['', 'a/b', '.', '..', '.x', '@global', 'x'.repeat(200)]) assert.equal(isIndexableSpec(spec), false, spec);
  });
});
