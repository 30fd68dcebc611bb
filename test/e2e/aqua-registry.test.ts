/**
 * Tools aqua knows, through the real CLI and shims: the real aqua standard
 * registry (commit 4d86e12, MIT; see ../shared/data/aqua-registry) served by
 * the release server through the contents API as aqua reads it, lazygit and
 * gh installed by its rules, did-you-mean, versions, search, info, offline use
 * of the cache, and a package type that is not supported yet.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { addRipgrep } from '../support/catalog.js';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

// The whole real registry when it sits beside the checkout; else the packages this test needs, copied verbatim.
const FULL = fileURLToPath(new URL('../../../../shared/data/aqua-registry/registry.yaml', import.meta.url));
const REGISTRY = existsSync(FULL) ? FULL : fileURLToPath(new URL('../../../test/fixtures/aqua/registry-e2e.yaml', import.meta.url));
const REF = 'v4.999.0';

describe('the aqua registry as a second registry', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox({ env: { TOOL_REGISTRIES: 'builtin,aqua' } });
    box.server.addRelease('aquaproj/aqua-registry', { tag: REF, assets: [] });
    box.server.addContent('aquaproj/aqua-registry', REF, 'registry.yaml', readFileSync(REGISTRY));
    addRipgrep(box.server, '14.1.1');
    // Neither is in registry/: lazydocker by name, dive by owner/repo.
    const lazydocker = (os: string, arch: string, ext: string) => ({ name: `lazydocker_0.24.1_${os}_${arch}.${ext}`, format: ext as 'tar.gz' | 'zip', exePath: ext === 'zip' ? 'lazydocker.exe' : 'lazydocker' });
    box.server.addRelease('jesseduffield/lazydocker', fixtureRelease({
      tag: 'v0.24.1', exeName: 'lazydocker', version: '0.24.1', digests: false, checksumFile: 'checksums.txt',
      assets: [lazydocker('Linux', 'x86_64', 'tar.gz'), lazydocker('Linux', 'arm64', 'tar.gz'), lazydocker('Darwin', 'x86_64', 'tar.gz'), lazydocker('Darwin', 'arm64', 'tar.gz'), lazydocker('Windows', 'x86_64', 'zip')],
    }));
    const dive = (os: string, arch: string, ext: string) => ({ name: `dive_0.12.0_${os}_${arch}.${ext}`, format: ext as 'tar.gz' | 'zip', exePath: 'dive' });
    box.server.addRelease('wagoodman/dive', fixtureRelease({
      tag: 'v0.12.0', exeName: 'dive', version: '0.12.0', digests: false, checksumFile: 'dive_0.12.0_checksums.txt',
      // Packages beside the tarball: the rule names the tarball.
      assets: [dive('linux', 'amd64', 'tar.gz'), dive('linux', 'arm64', 'tar.gz'), dive('darwin', 'amd64', 'tar.gz'), dive('darwin', 'arm64', 'tar.gz'), { name: 'dive_0.12.0_linux_amd64.deb', format: 'raw' }, { name: 'dive_0.12.0_linux_amd64.rpm', format: 'raw' }],
    }));
  });
  after(() => box.close());

  it('tool add lazydocker: not in registry/, found in the aqua registry, installed by its rules and checked', async () => {
    const add = await box.tool(['add', 'lazydocker']);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /lazydocker_0\.24\.1_Linux_x86_64\.tar\.gz, sha256 verified against checksums\.txt/);
    assert.equal((await box.sh('lazydocker --version')).stdout, 'lazydocker 0.24.1\n');
    const state = JSON.parse(readFileSync(join(box.home, 'state/tools/jesseduffield__lazydocker.json'), 'utf8'));
    assert.deepEqual(state.aqua, { source: 'aqua', name: 'jesseduffield/lazydocker' });
  });

  it('owner/repo uses the aqua entry when one exists (wagoodman/dive), and keeps using it for later installs', async () => {
    const dry = await box.tool(['add', 'wagoodman/dive', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /dive_0\.12\.0_linux_amd64\.tar\.gz/);
    assert.match(dry.stdout, /aqua registry rule of wagoodman\/dive/);
    assert.equal((await box.tool(['add', 'wagoodman/dive'])).code, 0);
    assert.equal((await box.sh('dive --version')).stdout, 'dive 0.12.0\n');
    const darwin = await box.tool(['lock', '--global', '--json']);
    assert.equal(darwin.code, 0, darwin.stderr);
    const lock = JSON.parse(readFileSync(join(box.root, 'user/.config/tool/tools.lock'), 'utf8'));
    assert.equal(lock.tools['wagoodman/dive'].assets['darwin-arm64'].name, 'dive_0.12.0_darwin_arm64.tar.gz');
  });

  it('an unknown name says what was probably meant', async () => {
    const typo = await box.tool(['add', 'ripgrap']);
    assert.equal(typo.code, 3);
    assert.match(typo.stderr, /^tool: "ripgrap" is unknown: not in any registry and not an added tool\. Did you mean ripgrep \(BurntSushi\/ripgrep\)\?/);
  });

  it('tool versions lists remote releases newest first, owner/repo too', async () => {
    const versions = await box.tool(['versions', 'lazydocker', '--json']);
    assert.equal(versions.code, 0, versions.stderr);
    assert.deepEqual(JSON.parse(versions.stdout).releases.map((v: { version: string; installed: boolean }) => [v.version, v.installed]), [['0.24.1', true]]);
    assert.match((await box.tool(['versions', 'BurntSushi/ripgrep'])).stdout, /14\.1\.1 +\d{4}-\d\d-\d\d/);
  });

  it('tool search ranks both registries', async () => {
    const search = await box.tool(['search', 'lazy', '--json']);
    const hits = JSON.parse(search.stdout).results as { tool: string; registry: string }[];
    assert.deepEqual(hits[0], { ...hits[0], tool: 'lazygit', registry: 'builtin' });
    assert.ok(hits.some((hit) => hit.tool === 'jesseduffield/lazydocker' && hit.registry === 'aqua'), 'aqua entries follow');
    assert.ok(!hits.some((hit) => hit.tool === 'jesseduffield/lazygit'), 'a tool in registry/ hides its aqua twin');
    const fuzzy = JSON.parse((await box.tool(['search', 'lazydoker', '--json'])).stdout).results as { tool: string }[];
    assert.equal(fuzzy[0]?.tool, 'jesseduffield/lazydocker');
  });

  it('tool info says which registry and rule, with checksums and signatures declared', async () => {
    const info = await box.tool(['info', 'rhysd/actionlint']);
    assert.equal(info.code, 0, info.stderr);
    assert.match(info.stdout, /registry: aqua \(aquaproj\/aqua-registry v4\.999\.0\)/);
    assert.match(info.stdout, /signatures declared: github_artifact_attestations/);
  });

  it('a package type other than github_release is one clear line', async () => {
    const http = await box.tool(['add', '1password/cli']);
    assert.equal(http.code, 3);
    assert.match(http.stderr, /^tool: 1password\/cli in the aqua registry is a "http" package; only github_release packages are supported yet/);
  });

  it('tool registry update refreshes; when the registry cannot be fetched the cache keeps serving', async () => {
    const update = await box.tool(['registry', 'update']);
    assert.equal(update.code, 0, update.stderr);
    assert.match(update.stdout, /^aqua: v4\.999\.0, \d+ packages \(unchanged\)\n$/);
    box.server.fail({ match: /contents\/registry\.yaml/, status: 500, times: 100 });
    const failed = await box.tool(['registry', 'update']);
    assert.equal(failed.code, 4);
    assert.match(failed.stdout, /^aqua: .*answered 500.*; still using the copy of v4\.999\.0 fetched today \(\d\d:\d\d UTC\)\n$/);
    const again = await box.tool(['info', 'lazydocker']);
    assert.equal(again.code, 0, again.stderr);
  });

  it('an organisation\'s own registry file is consulted in the order given; none leaves only the heuristic', async () => {
    const own = box.write('org/registry.yaml', 'packages:\n  - type: github_release\n    repo_owner: jesseduffield\n    repo_name: lazydocker\n    aliases:\n      - name: ld\n    asset: lazydocker_{{trimV .Version}}_{{.OS}}_{{.Arch}}.tar.gz\n    replacements:\n      amd64: x86_64\n      linux: Linux\n');
    const viaAlias = await box.tool(['add', 'ld', '--dry-run'], { env: { TOOL_REGISTRIES: `builtin,${own},aqua` } });
    assert.equal(viaAlias.code, 0, viaAlias.stderr);
    assert.match(viaAlias.stdout, /lazydocker_0\.24\.1_Linux_x86_64\.tar\.gz/);
    const none = await box.tool(['add', 'lazynpm', '--dry-run'], { env: { TOOL_REGISTRIES: 'none' } });
    assert.equal(none.code, 3);
    assert.match(none.stderr, /"lazynpm" is unknown/);
  });

  it('a registry file that does not parse is one line naming the file and line', async () => {
    const bad = box.write('org/bad.yaml', 'packages:\n  - type: github_release\n    repo_owner: [unclosed\n');
    const result = await box.tool(['add', 'whatever/thing', '--dry-run'], { env: { TOOL_REGISTRIES: `builtin,${bad}` } });
    assert.equal(result.code, 6);
    assert.match(result.stderr, /^tool: .*org\/bad\.yaml line \d+.*\n$/);
  });
});
