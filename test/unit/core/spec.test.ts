import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import { nearestVersions, parseSpec, pickPreferring, pickVersion, specMatches, tryParseSpec } from '../../../src/core/spec.js';

describe('tryParseSpec', () => {
  it('reads latest in any case', () => {
    assert.deepEqual(tryParseSpec('latest'), { kind: 'latest', text: 'latest' });
    assert.deepEqual(tryParseSpec(' LATEST '), { kind: 'latest', text: 'latest' });
  });

  it('reads exact versions and prefixes as version specs', () => {
    assert.deepEqual(tryParseSpec('14'), { kind: 'version', text: '14', version: { parts: [14], pre: undefined } });
    assert.deepEqual(tryParseSpec('v14.1.0'), { kind: 'version', text: 'v14.1.0', version: { parts: [14, 1, 0], pre: undefined } });
    assert.deepEqual(tryParseSpec('2024.08.06'), {
      kind: 'version',
      text: '2024.08.06',
      version: { parts: [2024, 8, 6], pre: undefined },
    });
  });

  it('reads semver ranges as range specs', () => {
    assert.deepEqual(tryParseSpec('^14'), { kind: 'range', text: '^14' });
    assert.deepEqual(tryParseSpec('~1.7'), { kind: 'range', text: '~1.7' });
    assert.deepEqual(tryParseSpec('>=1.6 <2'), { kind: 'range', text: '>=1.6 <2' });
  });

  it('reads an x-range with a multi-digit major ("14.x") as a range', () => {
    assert.equal(tryParseSpec('14.x')?.kind, 'range');
  });

  it('rejects empty text and garbage', () => {
    for (const text of ['', '   ', 'garbage', 'foo bar', 'nightly', 'latest!']) assert.equal(tryParseSpec(text), undefined, text);
  });
});

describe('parseSpec', () => {
  it('returns the parsed spec for valid text', () => {
    assert.equal(parseSpec('^14').kind, 'range');
  });

  it('throws TOOL_BAD_SPEC naming where the text came from, with a hint', () => {
    assert.throws(
      () => parseSpec('garbage', './.tools line 3'),
      (error: unknown) => {
        assert.ok(isToolError(error, 'TOOL_BAD_SPEC'), String(error));
        assert.ok(error.message.includes('./.tools line 3'), error.message);
        assert.ok(error.message.includes('"garbage"'), error.message);
        assert.ok(error.hint?.includes('latest'), error.hint);
        return true;
      },
    );
  });

  it('throws without a place prefix when no where is given', () => {
    assert.throws(() => parseSpec('foo bar'), (error: unknown) => {
      assert.ok(isToolError(error, 'TOOL_BAD_SPEC'));
      assert.equal(error.message, '"foo bar" is not a version spec');
      return true;
    });
  });
});

describe('specMatches', () => {
  it('lets latest match releases but not prereleases or non-versions', () => {
    const latest = parseSpec('latest');
    assert.equal(specMatches(latest, '9.99.1'), true);
    assert.equal(specMatches(latest, '9.99.1-rc.1'), false);
    assert.equal(specMatches(latest, 'nightly'), false);
  });

  it('lets latest match a release whose tag carries +build metadata (k3s 1.30.2+k3s1)', () => {
    assert.equal(specMatches(parseSpec('latest'), '1.30.2+k3s1'), true);
  });

  it('matches a prefix part by part, numerically', () => {
    const spec = parseSpec('14.1');
    assert.equal(specMatches(spec, '14.1.0'), true);
    assert.equal(specMatches(spec, '14.1.9'), true);
    assert.equal(specMatches(spec, '14.10.0'), false);
    assert.equal(specMatches(spec, '14.2.0'), false);
    assert.equal(specMatches(parseSpec('2024.8'), '2024.08.06'), true);
  });

  it('keeps a release prefix from matching prereleases, and a prerelease spec matches only itself', () => {
    assert.equal(specMatches(parseSpec('14'), '14.0.0-rc.1'), false);
    assert.equal(specMatches(parseSpec('1.0.0-rc.1'), '1.0.0-rc.1'), true);
    assert.equal(specMatches(parseSpec('1.0.0-rc.1'), '1.0.0-rc.2'), false);
    assert.equal(specMatches(parseSpec('1.0.0-rc.1'), '1.0.0'), false);
  });

  it('checks ranges with semver, including calendar versions', () => {
    assert.equal(specMatches(parseSpec('^14'), '14.1.1'), true);
    assert.equal(specMatches(parseSpec('^14'), '15.0.0'), false);
    assert.equal(specMatches(parseSpec('>=1.6 <2'), '1.7.1'), true);
    assert.equal(specMatches(parseSpec('>=1.6 <2'), '2.0.0'), false);
    assert.equal(specMatches(parseSpec('~2024.08'), '2024.08.20'), true);
    assert.equal(specMatches(parseSpec('~2024.08'), '2024.10.22'), false);
  });
});

describe('pickVersion', () => {
  it('prefers the exact version over a nightly that extends it', () => {
    assert.equal(pickVersion(parseSpec('2024.10.22'), ['2024.10.22.1', '2024.10.22', '2024.08.06']), '2024.10.22');
  });

  it('falls back to the nightly when the exact version is absent', () => {
    assert.equal(pickVersion(parseSpec('2024.10.22'), ['2024.10.22.1', '2024.08.06']), '2024.10.22.1');
  });

  it('picks the newest release for a prefix, never a prerelease', () => {
    const versions = ['14.0.0', '14.1.1', '14.1.0', '15.0.0', '14.2.0-rc.1', '13.9.9'];
    assert.equal(pickVersion(parseSpec('14'), versions), '14.1.1');
    assert.equal(pickVersion(parseSpec('14'), ['14.0.0-rc.1', '14.0.0-rc.2']), undefined);
  });

  it('picks the newest release in a range, calendar versions included', () => {
    assert.equal(pickVersion(parseSpec('^14'), ['13.0.0', '14.0.0', '14.1.1', '15.0.0']), '14.1.1');
    assert.equal(pickVersion(parseSpec('>=1.6 <2'), ['1.5.0', '1.6.0', '1.7.1', '2.0.0']), '1.7.1');
    assert.equal(pickVersion(parseSpec('~2024.08'), ['2024.08.06', '2024.08.20', '2024.10.22']), '2024.08.20');
  });

  it('picks the newest release for latest and undefined when nothing matches', () => {
    assert.equal(pickVersion(parseSpec('latest'), ['9.99.1', '10.0.0-rc.1', '9.9.0']), '9.99.1');
    assert.equal(pickVersion(parseSpec('9.99.1'), ['9.99.0', '9.99.2']), undefined);
    assert.equal(pickVersion(parseSpec('latest'), []), undefined);
  });

  it('resolves an x-range with a multi-digit major ("14.x")', () => {
    assert.equal(pickVersion(parseSpec('14.x'), ['13.0.0', '14.1.1', '15.0.0']), '14.1.1');
  });
});

describe('nearestVersions', () => {
  const versions = ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0', '1.6.0', '1.7.0', '1.8.0', '1.9.0'];

  it('lists versions around where the asked version would sit, newest first', () => {
    assert.deepEqual(nearestVersions(parseSpec('1.5'), versions), ['1.8.0', '1.7.0', '1.6.0', '1.4.0', '1.3.0']);
  });

  it('lists the newest versions when the asked version is above all of them', () => {
    assert.deepEqual(nearestVersions(parseSpec('9.99.1'), versions, 3), ['1.9.0', '1.8.0', '1.7.0']);
  });

  it('lists the oldest versions when the asked version is below all of them', () => {
    assert.deepEqual(nearestVersions(parseSpec('0.1'), versions, 3), ['1.2.0', '1.1.0', '1.0.0']);
  });

  it('lists the newest versions for ranges and latest, and everything when there are few', () => {
    assert.deepEqual(nearestVersions(parseSpec('^3'), versions, 2), ['1.9.0', '1.8.0']);
    assert.deepEqual(nearestVersions(parseSpec('2'), ['1.0.0', '3.0.0']), ['3.0.0', '1.0.0']);
  });
});

describe('pickPreferring', () => {
  it('picks an ephemeral version only when no other version fits the spec', () => {
    const installed = ['14.2.0', '14.1.1', '13.0.0'];
    const ephemeral = new Set(['14.2.0', '13.0.0']);
    assert.equal(pickPreferring(parseSpec('^14'), installed, ephemeral), '14.1.1');
    assert.equal(pickPreferring(parseSpec('latest'), installed, ephemeral), '14.1.1');
    assert.equal(pickPreferring(parseSpec('14.2'), installed, ephemeral), '14.2.0');
    assert.equal(pickPreferring(parseSpec('13'), installed, ephemeral), '13.0.0');
    assert.equal(pickPreferring(parseSpec('^14'), installed, new Set()), '14.2.0');
  });
});
