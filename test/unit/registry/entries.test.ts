// Pins every shipped registry entry against the real release asset list of its tool
// (test/fixtures/real-assets/*.json): with the entry's rules, selectAsset must pick exactly
// what a careful human would on every platform the fixture lists. Also runs the checks of
// `npm run check-registry` in-process and proves a malformed entry is reported by file and field.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { selectAsset } from '../../../src/assets/select.js';
import { versionFromTag } from '../../../src/core/version.js';
import { loadRegistry } from '../../../src/registry/load.js';
import {
  checkRegistry,
  FIXTURE_CORRECTIONS,
  findFixture,
  fixtureRelease,
  formatProblem,
  loadFixtures,
  parsePlatformKey,
  TAG_STAND_INS,
} from '../../../scripts/check-registry.js';

/** The tools the registry issue names, except helm (its binaries are on get.helm.sh, not GitHub assets). */
const ISSUE_TOOLS = [
  'yt-dlp', 'ripgrep', 'fd', 'bat', 'jq', 'gh', 'fzf', 'eza', 'delta', 'lazygit', 'hyperfine', 'just', 'uv', 'ruff', 'deno',
  'bun', 'helix', 'zoxide', 'starship', 'bottom', 'dust', 'sd', 'tokei', 'watchexec', 'ast-grep', 'shellcheck', 'shfmt',
  'golangci-lint', 'k9s', 'kind', 'tflint', 'age', 'sops', 'rclone', 'restic', 'gitleaks', 'yq', 'glow', 'gum', 'direnv',
  'zellij', 'atuin', 'task', 'lefthook', 'mkcert', 'caddy',
];
const SCRIPT = fileURLToPath(new URL('../../../scripts/check-registry.js', import.meta.url));
const entries = loadRegistry().all();
const fixtures = loadFixtures();

describe('registry entries against real release asset lists', () => {
  it('ships every tool the issue names (helm aside: it ships from get.helm.sh), each with a real-assets fixture', () => {
    const names = entries.map((entry) => entry.name);
    const absent = ISSUE_TOOLS.filter((name) => !names.includes(name));
    assert.deepEqual(absent, [], 'tools named by the issue without a registry entry');
    assert.ok(entries.length >= 45, `only ${entries.length} entries`);
    const missing = entries.filter((entry) => !findFixture(fixtures, entry)).map((entry) => entry.name);
    assert.deepEqual(missing, [], 'entries without a fixture in test/fixtures/real-assets/');
  });

  it('reads a version from every fixture tag with the entry\'s tagPrefix (stand-ins only where documented)', () => {
    for (const entry of entries) {
      const fixture = findFixture(fixtures, entry)!;
      const direct = versionFromTag(fixture.tag, entry.tagPrefix);
      if (TAG_STAND_INS[fixture.file]) assert.equal(direct, undefined, `${fixture.file} no longer needs its stand-in tag`);
      else assert.ok(direct, `${entry.name}: no version in tag "${fixture.tag}" with prefix ${entry.tagPrefix ?? '(none)'}`);
    }
  });

  it('every documented fixture correction still applies (remove it once the fixture is fixed)', () => {
    const raw = loadFixtures(undefined, { raw: true });
    for (const [file, correction] of Object.entries(FIXTURE_CORRECTIONS)) {
      const fixture = raw.find((item) => item.file === file);
      assert.ok(fixture, `${file} is gone`);
      for (const wrong of Object.keys(correction.rename ?? {})) assert.ok(fixture.assets.includes(wrong), `${file} no longer lists ${wrong}`);
      for (const missing of correction.add ?? []) assert.ok(!fixture.assets.includes(missing), `${file} already lists ${missing}`);
    }
  });

  for (const entry of entries) {
    it(`${entry.name} picks the real asset on every platform of its fixture`, () => {
      const fixture = findFixture(fixtures, entry);
      assert.ok(fixture, `${entry.name} has no fixture`);
      const { tag, version } = fixtureRelease(fixture, entry);
      assert.ok(version, `${entry.name}: no version in ${tag}`);
      const assets = fixture.assets.map((name) => ({ name }));
      const wrong: string[] = [];
      for (const [key, expected] of Object.entries(fixture.expect)) {
        const choice = selectAsset(assets, parsePlatformKey(key), {
          ...(entry.assets ? { rules: entry.assets } : {}),
          version,
          tag,
          toolName: entry.name,
        });
        if (choice.asset.name !== expected) wrong.push(`${key}: picked ${choice.asset.name}, expected ${expected}`);
        const rosetta = fixture.rosetta?.includes(key) ?? false;
        if (choice.rosetta !== rosetta) wrong.push(`${key}: rosetta=${choice.rosetta}, expected ${rosetta}`);
      }
      assert.deepEqual(wrong, [], `${entry.name} against ${fixture.file}`);
    });
  }

  it('check-registry finds no problem in the shipped registry', () => {
    const result = checkRegistry();
    assert.deepEqual(result.problems.map(formatProblem), []);
    assert.equal(result.entries.length, entries.length);
    assert.ok(result.picksChecked >= 5 * entries.length, `only ${result.picksChecked} picks checked`);
  });
});

describe('check-registry reports problems by file and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tool-check-registry-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, json: unknown) => writeFileSync(join(dir, name), typeof json === 'string' ? json : JSON.stringify(json));
  const fd = { repo: 'sharkdp/fd', description: 'find', bins: [{ name: 'fd' }], versionOrder: 'semver' };
  write('fd.json', fd);
  write('broken.json', { repo: 'jqlang/jq', description: 'json', bins: 'jq', versionOrder: 'semver' });
  write('typo.json', { ...fd, repo: 'cli/cli', bins: [{ name: 'gh' }], versionOder: 'semver' });
  write('not-json.json', '{ "repo": ');
  write('twin.json', { ...fd, bins: [{ name: 'fd' }] });
  write('bad-rule.json', { ...fd, repo: 'BurntSushi/ripgrep', bins: [{ name: 'rg' }], assets: { 'linux-x64': 'ripgrep-{version}-x86_64-unknown-linux-gnu.tar.gz' } });
  write('no-fixture.json', { ...fd, repo: 'example/nothing', bins: [{ name: 'nothing' }] });
  write('wrong-sums.json', { ...fd, repo: 'cli/cli', bins: [{ name: 'ghx' }], checksum: { file: 'checksums.txt' } });

  it('names the file and the field of every problem', () => {
    const lines = checkRegistry({ registryDir: dir }).problems.map(formatProblem);
    const expectLine = (file: string, field: string, pattern: RegExp) => {
      const line = lines.find((text) => text.startsWith(`${join(dir, file)}: field "${field}"`));
      assert.ok(line, `no problem for ${file} field ${field} in:\n${lines.join('\n')}`);
      assert.match(line, pattern);
    };
    expectLine('broken.json', 'bins', /must be a non-empty array/);
    expectLine('typo.json', 'versionOder', /is not a known field/);
    expectLine('not-json.json', '(file)', /is not valid JSON/);
    expectLine('twin.json', 'repo', /sharkdp\/fd is already the repo of registry entry "fd"/);
    expectLine('twin.json', 'bins[0].name', /"fd" is already exposed by registry entry "fd"/);
    expectLine('bad-rule.json', 'assets.linux-x64', /matches no asset of the real release BurntSushi\/ripgrep 14\.1\.1/);
    expectLine('no-fixture.json', 'repo', /has no real-assets fixture/);
    expectLine('wrong-sums.json', 'checksum.file', /"checksums\.txt" names checksums\.txt, not an asset of the real release cli\/cli/);
  });

  it('the compiled script prints one line per problem and exits 1', () => {
    const run = spawnSync(process.execPath, [SCRIPT, '--registry', dir], { encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`^${join(dir, 'broken.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: field "bins" must be a non-empty array$`, 'm'));
    assert.match(run.stderr, /^registry: \d+ problems in \d+ files$/m);
    assert.equal(run.stdout, '');
  });

  it('the compiled script prints a one-line summary for the shipped registry and exits 0', () => {
    const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^registry: ${entries.length} entries, all valid \\(\\d+ platform picks match real release asset lists\\)\\n$`));
  });
});
