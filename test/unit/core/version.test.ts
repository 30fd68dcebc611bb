import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compareVersions,
  isVersion,
  normalizeVersion,
  parseVersion,
  sortVersionsDescending,
  versionFromTag,
} from '../../../src/core/version.js';

describe('parseVersion', () => {
  it('reads numeric parts and a prerelease, dropping a leading v', () => {
    assert.deepEqual(parseVersion('v1.2.3-rc.1'), { parts: [1, 2, 3], pre: 'rc.1' });
    assert.deepEqual(parseVersion('14.1.0'), { parts: [14, 1, 0], pre: undefined });
  });

  it('reads calendar versions with leading zeros and a nightly fourth part as numbers', () => {
    assert.deepEqual(parseVersion('2024.08.06'), { parts: [2024, 8, 6], pre: undefined });
    assert.deepEqual(parseVersion('2024.10.22.232'), { parts: [2024, 10, 22, 232], pre: undefined });
  });

  it('ignores surrounding whitespace', () => {
    assert.deepEqual(parseVersion('  9.99.1\n'), { parts: [9, 99, 1], pre: undefined });
  });

  it('rejects text that is not a version', () => {
    for (const text of ['', 'nightly', 'latest', 'v', '1..2', '^14', '>=1.6 <2', 'jq-1.7.1', '1.2.3-']) {
      assert.equal(parseVersion(text), undefined, text);
      assert.equal(isVersion(text), false, text);
    }
  });

  it('rejects numeric parts too large to be safe integers', () => {
    assert.equal(parseVersion('99999999999999999999.1'), undefined);
  });

  it('never splits a multi-digit number to invent a prerelease ("14.x" is not version 1 prerelease "4.x")', () => {
    const parsed = parseVersion('14.x');
    assert.ok(parsed === undefined || parsed.parts[0] === 14, `parsed as ${JSON.stringify(parsed)}`);
    const windows = parseVersion('2.45.1.windows.1');
    assert.ok(windows === undefined || (windows.parts[0] === 2 && windows.parts[1] === 45), `parsed as ${JSON.stringify(windows)}`);
  });
});

describe('versionFromTag', () => {
  it('finds the version after an unknown prefix and an optional v', () => {
    assert.equal(versionFromTag('v1.2.3'), '1.2.3');
    assert.equal(versionFromTag('1.2.3'), '1.2.3');
    assert.equal(versionFromTag('2024.08.06'), '2024.08.06');
    assert.equal(versionFromTag('jq-1.7.1'), '1.7.1');
    assert.equal(versionFromTag('cli/v2.0.0'), '2.0.0');
    assert.equal(versionFromTag('bun-v1.1.0'), '1.1.0');
    assert.equal(versionFromTag('v1.0.0-rc.2'), '1.0.0-rc.2');
  });

  it('removes a known tag prefix and then an optional v', () => {
    assert.equal(versionFromTag('jq-1.7.1', 'jq-'), '1.7.1');
    assert.equal(versionFromTag('cli/v2.0.0', 'cli/'), '2.0.0');
    assert.equal(versionFromTag('bun-v1.1.0', 'bun-'), '1.1.0');
    assert.equal(versionFromTag('v9.99.1', 'v'), '9.99.1');
  });

  it('returns undefined for a tag without the known prefix', () => {
    assert.equal(versionFromTag('v1.7.1', 'jq-'), undefined);
    assert.equal(versionFromTag('1.7.1', 'jq-'), undefined);
  });

  it('returns undefined for tags that name no version', () => {
    assert.equal(versionFromTag('nightly'), undefined);
    assert.equal(versionFromTag('latest'), undefined);
    assert.equal(versionFromTag('jq-nightly', 'jq-'), undefined);
  });
});

describe('normalizeVersion', () => {
  it('strips one leading v only when a digit follows', () => {
    assert.equal(normalizeVersion('v14.1.0'), '14.1.0');
    assert.equal(normalizeVersion('V2024.08.06'), '2024.08.06');
    assert.equal(normalizeVersion('14.1.0'), '14.1.0');
    assert.equal(normalizeVersion('vnext'), 'vnext');
  });
});

describe('compareVersions', () => {
  it('orders calendar versions numerically despite leading zeros, with a nightly fourth part after its day', () => {
    assert.ok(compareVersions('2024.08.06', '2024.10.22') < 0);
    assert.ok(compareVersions('2024.10.22', '2024.10.22.1') < 0);
    assert.ok(compareVersions('2024.10.22.1', '2024.08.06') > 0);
  });

  it('orders parts numerically, not as text', () => {
    assert.ok(compareVersions('1.10.0', '1.9.0') > 0);
    assert.ok(compareVersions('1.9.0', '1.10.0') < 0);
    assert.ok(compareVersions('10.0.0', '9.99.1') > 0);
  });

  it('puts prereleases before their release and compares numeric identifiers as numbers', () => {
    assert.ok(compareVersions('1.0.0-rc.1', '1.0.0') < 0);
    assert.ok(compareVersions('1.0.0-rc.2', '1.0.0-rc.10') < 0);
    assert.ok(compareVersions('1.0.0-alpha', '1.0.0-beta') < 0);
    assert.ok(compareVersions('1.0.0-rc.1', '0.9.9') > 0);
  });

  it('treats a leading v as the same version and equal text as equal', () => {
    assert.equal(compareVersions('9.99.1', '9.99.1'), 0);
    assert.ok(compareVersions('v9.99.1', '9.99.0') > 0);
  });

  it('sorts text that is not a version before every version', () => {
    assert.ok(compareVersions('nightly', '0.0.1') < 0);
    assert.ok(compareVersions('0.0.1', 'nightly') > 0);
    assert.ok(compareVersions('alpha', 'beta') < 0);
  });

  it('sorts a release carrying +build metadata after the prereleases of that version (k3s tags v1.30.2+k3s1)', () => {
    assert.ok(compareVersions('1.30.2+k3s1', '1.30.2-rc.1') > 0);
  });
});

describe('sortVersionsDescending', () => {
  it('puts the newest first across calendar versions, nightlies and prereleases', () => {
    assert.deepEqual(
      sortVersionsDescending(['2024.08.06', '2024.10.22.1', '2024.10.22', '2023.12.30']),
      ['2024.10.22.1', '2024.10.22', '2024.08.06', '2023.12.30'],
    );
    assert.deepEqual(
      sortVersionsDescending(['1.0.0-rc.2', '1.9.0', '1.0.0', '1.0.0-rc.10', '1.10.0']),
      ['1.10.0', '1.9.0', '1.0.0', '1.0.0-rc.10', '1.0.0-rc.2'],
    );
  });

  it('does not modify its input', () => {
    const input = ['1.0.0', '2.0.0'];
    sortVersionsDescending(input);
    assert.deepEqual(input, ['1.0.0', '2.0.0']);
  });
});
