// Pins the name heuristic against real release asset lists (test/fixtures/real-assets/*.json):
// for each tool and platform, what a careful human would download. Misses lower an accuracy
// figure that must stay >= 95%; picking a checksum, signature, package or another OS's build
// is a hard failure. `expectNone` lists platforms the release has no build for (a macOS-only tool
// on Linux): there the heuristic must refuse, and picking anything is a hard failure too.
// No registry rules are used here: registry entries are checked against the
// same table elsewhere. helm is absent on purpose: it ships from get.helm.sh, not GitHub assets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nonBinaryKind } from '../../../src/assets/non-binary.js';
import { selectAsset } from '../../../src/assets/select.js';
import { toolWordsOf } from '../../../src/assets/tokens.js';
import { isToolError } from '../../../src/core/errors.js';
import { loadFixtures as loadRegistryFixtures, parsePlatformKey, type RealAssetsFixture } from '../../../scripts/check-registry.js';
import type { Os } from '../../../src/core/platform.js';

/** Platform keys where no asset of the release fits: the heuristic must pick nothing. */
type Fixture = RealAssetsFixture & { expectNone?: string[] };

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

test('the real-assets table covers at least 100 tools with well-formed entries', () => {
  assert.ok(fixtures.length >= 100, `only ${fixtures.length} fixtures`);
  for (const fixture of fixtures) {
    assert.match(fixture.repo, /^[\w.-]+\/[\w.-]+$/, fixture.file);
    assert.ok(fixture.tag && fixture.source, `${fixture.file}: tag and source are required`);
    assert.equal(new Set(fixture.assets).size, fixture.assets.length, `${fixture.file}: duplicate asset names`);
    for (const [key, name] of Object.entries(fixture.expect)) {
      assert.ok(platformKeys.includes(key), `${fixture.file}: unknown platform ${key}`);
      assert.ok(fixture.assets.includes(name), `${fixture.file}: expected ${name} is not an asset`);
    }
    for (const key of fixture.expectNone ?? []) {
      assert.ok(platformKeys.includes(key), `${fixture.file}: unknown platform ${key} in expectNone`);
      assert.ok(!(key in fixture.expect), `${fixture.file}: ${key} is both expected and in expectNone`);
    }
  }
});

/** One fixture cell judged: what was expected (null: nothing fits), what was picked, and how it went. */
interface Cell {
  file: string;
  key: string;
  outcome: 'hit' | 'miss' | 'hard';
  note: string;
}

function judge(fixture: Fixture, key: string, expected: string | null): Cell {
  const toolName = fixture.repo.split('/')[1];
  const platform = parsePlatform(key);
  const cell = (outcome: Cell['outcome'], note: string): Cell => ({ file: fixture.file, key, outcome, note });
  let choice;
  try {
    choice = selectAsset(fixture.assets.map((name) => ({ name })), platform, toolName === undefined ? {} : { toolName });
  } catch (error) {
    if (!isToolError(error, 'TOOL_NO_MATCHING_ASSET')) throw error;
    return expected === null ? cell('hit', '') : cell('miss', `nothing picked, expected ${expected}`);
  }
  const picked = choice.asset.name;
  if (expected === null) return cell('hard', `picked ${picked}, but the release has no build for it`);
  if (picked === expected) {
    const wantRosetta = fixture.rosetta?.includes(key) ?? false;
    return choice.rosetta === wantRosetta ? cell('hit', '') : cell('hard', `rosetta=${choice.rosetta}, expected ${wantRosetta}`);
  }
  // A platform-independent bundle is expected on several OSes; any other asset expected elsewhere is foreign.
  const otherOsPicks = Object.entries(fixture.expect).filter(([other]) => !other.startsWith(platform.os)).map(([, name]) => name);
  if (nonBinaryKind(picked, toolWordsOf(toolName)) !== undefined || foreignOs[platform.os].test(picked) || otherOsPicks.includes(picked)) {
    return cell('hard', `picked ${picked}`);
  }
  return cell('miss', `picked ${picked}, expected ${expected}`);
}

const cells = fixtures.flatMap((fixture) => [
  ...Object.entries(fixture.expect).map(([key, expected]) => judge(fixture, key, expected)),
  ...(fixture.expectNone ?? []).map((key) => judge(fixture, key, null)),
]);

function accuracy(of: Cell[]): { line: string; ratio: number } {
  const hits = of.filter((cell) => cell.outcome === 'hit').length;
  return { line: `${hits}/${of.length} (${((100 * hits) / of.length).toFixed(1)}%)`, ratio: hits / of.length };
}

test('the heuristic picks what a careful human would for real releases', (t) => {
  const all = accuracy(cells);
  const misses = cells.filter((cell) => cell.outcome === 'miss').map((cell) => `${cell.file} ${cell.key}: ${cell.note}`);
  const hardFailures = cells.filter((cell) => cell.outcome === 'hard').map((cell) => `${cell.file} ${cell.key}: ${cell.note}`);
  t.diagnostic(`heuristic accuracy: ${all.line}`);
  for (const miss of misses) t.diagnostic(`miss: ${miss}`);
  assert.deepEqual(hardFailures, [], 'picked a non-binary, another OS build, or anything where nothing fits');
  assert.ok(all.ratio >= 0.95, `heuristic accuracy: ${all.line}; misses:\n${misses.join('\n')}`);
});

test('on Linux and macOS the heuristic gets at least 98% of real-release cells right', (t) => {
  const unix = accuracy(cells.filter((cell) => !cell.key.startsWith('windows')));
  t.diagnostic(`linux and darwin cells: ${unix.line}`);
  assert.ok(unix.ratio >= 0.98, `linux and darwin cells: ${unix.line}`);
});
