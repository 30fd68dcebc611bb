/**
 * The core user story of issue 2, end to end: the built CLI and the generated
 * shims against the local release server, in a throwaway TOOL_HOME.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep, addYtDlp } from '../support/catalog.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

describe('core story: add, shim, pin, run, which, list, install, remove', () => {
  let box: Sandbox;
  let project: string;
  let nested: string;

  before(async () => {
    box = await createSandbox();
    addYtDlp(box.server, '2024.07.01', '2024.08.06');
    addRipgrep(box.server, '13.0.0', '14.0.0', '14.1.1', '15.0.0');
    project = box.dir('user/project');
    nested = box.dir('user/project/src/deep');
  });
  after(() => box.close());

  it('tool add yt-dlp installs the latest release and selects it globally', async () => {
    const result = await box.tool(['add', 'yt-dlp']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /installed: yt-dlp 2024\.08\.06 \(yt-dlp_linux, sha256 verified/);
    // global.tools names exactly what runs; the tool's state remembers that it follows latest.
    assert.match(readFileSync(join(box.home, 'global.tools'), 'utf8'), /^yt-dlp 2024\.08\.06$/m);
    assert.match(result.stdout, /global selection: yt-dlp 2024\.08\.06 \(follows latest\)/);
    assert.ok(existsSync(join(box.home, 'store/yt-dlp/2024.08.06/bin/yt-dlp')));
  });

  it('the yt-dlp shim runs the selected version through PATH', async () => {
    const result = await box.sh('yt-dlp --version');
    assert.equal(result.stdout, 'yt-dlp 2024.08.06\n');
    assert.equal(result.code, 0);
  });

  it('tool add owner/repo@14 maps to the registry entry and exposes rg', async () => {
    const result = await box.tool(['add', 'BurntSushi/ripgrep@14']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /ripgrep 14\.1\.1 \(ripgrep-14\.1\.1-x86_64-unknown-linux-musl\.tar\.gz, sha256 verified against ripgrep-14\.1\.1-x86_64-unknown-linux-musl\.tar\.gz\.sha256\)/);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
  });

  it('tool pin writes ./.tools and the pin holds in every subdirectory but not outside', async () => {
    const pin = await box.tool(['pin', 'yt-dlp@2024.07.01'], { cwd: project });
    assert.equal(pin.code, 0, pin.stderr);
    assert.equal(readFileSync(join(project, '.tools'), 'utf8'), 'yt-dlp 2024.07.01\n');
    assert.equal((await box.sh('yt-dlp --version', { cwd: project })).stdout, 'yt-dlp 2024.07.01\n');
    assert.equal((await box.sh('yt-dlp --version', { cwd: nested })).stdout, 'yt-dlp 2024.07.01\n');
    assert.equal((await box.sh('yt-dlp --version', { cwd: box.dir('user/elsewhere') })).stdout, 'yt-dlp 2024.08.06\n');
  });

  it('TOOL_<NAME>_VERSION overrides the .tools pin', async () => {
    const result = await box.sh('TOOL_YT_DLP_VERSION=2024.08.06 yt-dlp --version', { cwd: nested });
    assert.equal(result.stdout, 'yt-dlp 2024.08.06\n');
  });

  it('tool run runs another version once without changing any selection', async () => {
    const result = await box.tool(['run', 'rg@13.0.0', '--', '--version']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'ripgrep 13.0.0\n');
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
    assert.doesNotMatch(readFileSync(join(box.home, 'global.tools'), 'utf8'), /13\.0\.0/);
  });

  it('tool which names the executable and the file and line that chose it', async () => {
    const result = await box.tool(['which', 'yt-dlp'], { cwd: nested });
    assert.equal(result.code, 0, result.stderr);
    const [path, why] = result.stdout.trim().split('\n');
    assert.equal(path, join(box.home, 'store/yt-dlp/2024.07.01/bin/yt-dlp'));
    assert.match(why!, new RegExp(`${join(project, '.tools').replace(/[.]/g, '\\.')} line 1`));
    const global = await box.tool(['which', 'rg']);
    assert.match(global.stdout, /global selection \(.*global\.tools line \d\): 14/);
  });

  it('tool list shows installed versions and which is active here and why', async () => {
    const result = await box.tool(['list'], { cwd: project });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /yt-dlp\s+2024\.07\.01\s+\*\s+2024\.07\.01 from .*project\/\.tools line 1/);
    assert.match(result.stdout, /ripgrep\s+14\.1\.1\s+\*\s+14\.1\.1 from global selection/);
    assert.match(result.stdout, /ripgrep\s+13\.0\.0\s*\n/);
  });

  it('tool install installs everything the nearest .tools asks for', async () => {
    const other = box.dir('user/other/sub');
    box.write('user/other/.tools', '# tools for other\nripgrep ~14.0   # old API\nyt-dlp/yt-dlp 2024.08.06\n');
    const result = await box.tool(['install'], { cwd: other });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /ripgrep ~14\.0 → 14\.0\.0 \(installed\)/);
    assert.match(result.stdout, /yt-dlp 2024\.08\.06 → 2024\.08\.06 \(already installed\)/);
    assert.equal((await box.sh('rg --version', { cwd: other })).stdout, 'ripgrep 14.0.0\n');
  });

  it('a shim installs a pinned version that is missing, says so on stderr, then runs it', async () => {
    const dir = box.dir('user/fresh-clone');
    box.write('user/fresh-clone/.tools', 'ripgrep 15.0.0\n');
    const first = await box.sh('rg --version', { cwd: dir });
    assert.equal(first.stdout, 'ripgrep 15.0.0\n');
    assert.match(first.stderr, /ripgrep 15\.0\.0 \(.*fresh-clone\/\.tools line 1\) is not installed; installing it now/);
    const second = await box.sh('rg --version', { cwd: dir });
    assert.equal(second.stdout, 'ripgrep 15.0.0\n');
    assert.equal(second.stderr, '');
  });

  it('tool remove takes away versions, shims and the global selection', async () => {
    const result = await box.tool(['remove', 'ripgrep']);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!existsSync(join(box.shims, 'rg')));
    assert.ok(!existsSync(join(box.home, 'store/ripgrep')));
    assert.doesNotMatch(readFileSync(join(box.home, 'global.tools'), 'utf8'), /ripgrep/);
    const after = await box.sh('rg --version');
    assert.equal(after.code, 127);
  });
});
