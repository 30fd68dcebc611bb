// Pins the name heuristic against real release asset lists (test/fixtures/real-assets/*.json):
// for each tool and platform, what a careful human would download. Misses lower an accuracy
// figure that must stay >= 95%; picking a checksum, signature, package or another OS's build
// is a hard failure. No registry rules are used here: registry entries are checked against the
// same table elsewhere. helm is absent on purpose: it ships from get.helm.sh, not GitHub assets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nonBinaryKind } from '../../../src/assets/non-binary.js';
import { selectAsset } from '../../../src/assets/select.js';
import { isToolError } from '../../../src/core/errors.js';
import { loadFixtures as loadRegistryFixtures, parsePlatformKey, type RealAssetsFixture } from '../../../scripts/check-registry.js';
import type { Os } from '../../../src/core/platform.js';

type Fixture = RealAssetsFixture;

const platformKeys = ['linux-x64-gnu', 'linux-x64-musl', 'linux-arm64-gnu', 'darwin-x64', 'darwin-arm64', 'windows-x64'];

// The heuristic is judged on the fixtures exactly as committed (no corrections applied).
const loadFixtures = (): Fixture[] => loadRegistryFixtures(undefined, { raw: true });

const parsePlatform = parsePlatformKey;

/** Words of other OS families, checked independently of the heuristic's own tables. */
const foreignOs: Record<Os, RegExp> = {
  linux: /darwin|macos|apple|osx|windows|\.exe$|freebsd|netbsd|openbsd|android/i,
  darwin: /linux|windows|\.exe$|freebsd|android/i,
  windows: /linux|darwin|macos|apple|osx|freebsd|android/i,
};

const fixtures = loadFixtures();

test('the real-assets table covers at least 35 tools with well-formed entries', () => {
  assert.ok(fixtures.length >= 35, `only ${fixtures.length} fixtures`);
  for (const fixture of fixtures) {
    assert.match(fixture.repo, /^[\w.-]+\/[\w.-]+$/, fixture.file);
    assert.ok(fixture.tag && fixture.source, `${fixture.file}: tag and source are required`);
    assert.equal(new Set(fixture.assets).size, fixture.assets.length, `${fixture.file}: duplicate asset names`);
    for (const [key, name] of Object.entries(fixture.expect)) {
      assert.ok(platformKeys.includes(key), `${fixture.file}: unknown platform ${key}`);
      assert.ok(fixture.assets.includes(name), `${fixture.file}: expected ${name} is not an asset`);
    }
  }
});

test('the heuristic picks what a careful human would for real releases', (t) => {
  let total = 0;
  const misses: string[] = [];
  const hardFailures: string[] = [];
  for (const fixture of fixtures) {
    const toolName = fixture.repo.split('/')[1];
    const assets = fixture.assets.map((name) => ({ name }));
    for (const [key, expected] of Object.entries(fixture.expect)) {
      total++;
      const platform = parsePlatform(key);
      let picked: string;
      let rosetta = false;
      try {
        const choice = selectAsset(assets, platform, toolName === undefined ? {} : { toolName });
        picked = choice.asset.name;
        rosetta = choice.rosetta;
      } catch (error) {
        if (!isToolError(error, 'TOOL_NO_MATCHING_ASSET')) throw error;
        misses.push(`${fixture.file} ${key}: nothing picked, expected ${expected}`);
        continue;
      }
      const otherOsPicks = Object.entries(fixture.expect).filter(([other]) => !other.startsWith(platform.os)).map(([, name]) => name);
      if (nonBinaryKind(picked) !== undefined || foreignOs[platform.os].test(picked) || otherOsPicks.includes(picked)) {
        hardFailures.push(`${fixture.file} ${key}: picked ${picked}`);
      } else if (picked !== expected) {
        misses.push(`${fixture.file} ${key}: picked ${picked}, expected ${expected}`);
      } else {
        const wantRosetta = fixture.rosetta?.includes(key) ?? false;
        if (rosetta !== wantRosetta) hardFailures.push(`${fixture.file} ${key}: rosetta=${rosetta}, expected ${wantRosetta}`);
      }
    }
  }
  const hits = total - misses.length - hardFailures.length;
  const line = `heuristic accuracy: ${hits}/${total} (${((100 * hits) / total).toFixed(1)}%)`;
  t.diagnostic(line);
  for (const miss of misses) {
    t.diagnostic(`miss: ${miss}`);
  }
  assert.deepEqual(hardFailures, [], 'picked a non-binary or another OS build');
  assert.ok(hits / total >= 0.95, `${line}; misses:\n${misses.join('\n')}`);
});
