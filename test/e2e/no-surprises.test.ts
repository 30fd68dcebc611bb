/**
 * Nothing changes without the user asking, and what does change is said: a
 * re-add, a remove that leaves pins behind, an update that would reach into
 * projects, a pin from a subdirectory, a relative TOOL_HOME.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep, addYtDlp } from '../support/catalog.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

const read = (path: string) => readFileSync(path, 'utf8');

describe('no quiet surprises', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.1.1');
    addYtDlp(box.server, '2024.08.06', '2024.10.22');
  });
  after(() => box.close());

  it('a re-add without a version moves nothing and says how to move it', async () => {
    assert.equal((await box.tool(['add', 'ripgrep@13'])).code, 0);
    assert.equal((await box.tool(['hold', 'ripgrep'])).code, 0);
    const global = read(join(box.home, 'global.tools'));
    const history = (await box.tool(['history', 'ripgrep', '--json'])).stdout;
    const again = await box.tool(['add', 'ripgrep']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, 'already added: ripgrep 13.0.0 (follows 13, held); nothing changed\nto move it: `tool unhold ripgrep` lets updates move it; `tool add ripgrep@<version>` picks one\n');
    assert.equal(read(join(box.home, 'global.tools')), global);
    assert.equal((await box.tool(['history', 'ripgrep', '--json'])).stdout, history);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 13.0.0\n');
    assert.equal(box.server.requests.filter((r) => r.path.includes('ripgrep')).length > 0, true);
  });

  it('an explicit re-add says exactly what it changed', async () => {
    const moved = await box.tool(['add', 'ripgrep@latest']);
    assert.equal(moved.code, 0, moved.stderr);
    assert.match(moved.stdout, /^changed: 13\.0\.0 → 14\.1\.1; now follows latest instead of 13; hold released$/m);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
  });

  it('remove warns about every .tools that still pins the tool, and its lock', async () => {
    const project = box.dir('work/app');
    box.write('work/app/.tools', 'yt-dlp 2024.08.06\n');
    assert.equal((await box.tool(['add', 'yt-dlp'])).code, 0);
    assert.equal((await box.tool(['install'], { cwd: project })).code, 0);
    assert.equal((await box.tool(['lock'], { cwd: project })).code, 0);
    const removed = await box.tool(['remove', 'yt-dlp'], { cwd: box.root });
    assert.equal(removed.code, 0, removed.stderr);
    assert.match(removed.stdout, new RegExp(`^warning: ${project}/\\.tools line 1 still pins yt-dlp 2024\\.08\\.06 \\(and its \\.tools\\.lock\\); running it there installs it again\\. \`tool unpin yt-dlp\` in that directory drops the pin$`, 'm'));
  });

  it('update leaves tools installed only for projects to their pins', async () => {
    const project = box.dir('work/app');
    assert.equal((await box.tool(['install'], { cwd: project })).code, 0, 'yt-dlp installed for the project only');
    assert.ok(!read(join(box.home, 'global.tools')).includes('yt-dlp'));
    const all = await box.tool(['update']);
    assert.equal(all.code, 0, all.stderr);
    assert.doesNotMatch(all.stdout, /yt-dlp/);
    assert.ok(!read(join(box.home, 'global.tools')).includes('yt-dlp'), 'no global selection appeared');
    assert.ok(!existsSync(join(box.home, 'store/yt-dlp/2024.10.22')), 'nothing newer was installed');
    const named = await box.tool(['update', 'yt-dlp']);
    assert.match(named.stdout, /^yt-dlp: not updated: yt-dlp is installed for projects only \(no global selection\)/m);
    assert.equal((await box.sh('yt-dlp --version', { cwd: project })).stdout, 'yt-dlp 2024.08.06\n', 'the project install has its shim');
  });

  it('pin in a subdirectory edits the nearest existing .tools, not a new one', async () => {
    const deep = box.dir('work/app/src/lib');
    const pinned = await box.tool(['pin', 'ripgrep@13.0.0'], { cwd: deep });
    assert.equal(pinned.code, 0, pinned.stderr);
    assert.match(pinned.stdout, new RegExp(`in ${join(box.root, 'work/app')}/\\.tools$`, 'm'));
    assert.ok(!existsSync(join(deep, '.tools')));
    assert.equal(read(join(box.root, 'work/app/.tools')), 'yt-dlp 2024.08.06\nripgrep 13.0.0\n');
  });

  it('pin below a home-wide .tools writes its own file and says why', async () => {
    box.write('user/.tools', 'ripgrep 14.1.1\n');
    const dir = box.dir('user/elsewhere');
    const pinned = await box.tool(['pin', 'ripgrep@13.0.0'], { cwd: dir, env: { HOME: join(box.root, 'user') } });
    assert.equal(pinned.code, 0, pinned.stderr);
    assert.match(pinned.stderr, /note: wrote a new .*user\/elsewhere\/\.tools: the nearest existing one, .*user\/\.tools, applies to every directory below/);
    assert.equal(read(join(box.root, 'user/.tools')), 'ripgrep 14.1.1\n');
  });

  it('list and prune account for versions installed without an add (tool run)', async () => {
    assert.equal((await box.tool(['remove', 'ripgrep'])).code, 0);
    rmSync(join(box.root, 'user/.tools')); // the home-wide pin of the test before would keep 14.1.1
    const ran = await box.tool(['run', 'ripgrep@14.1.1', '--', '--version']);
    assert.equal(ran.stdout, 'ripgrep 14.1.1\n', ran.stderr);
    const listed = await box.tool(['list']);
    assert.match(listed.stdout, /^ripgrep\s+14\.1\.1\s+not added: installed by `tool run`, a shim or a project pin$/m);
    const json = JSON.parse((await box.tool(['list', '--json'])).stdout).tools as { tool: string; added: boolean; versions: string[] }[];
    assert.deepEqual(json.filter((t) => t.tool === 'ripgrep').map((t) => [t.added, t.versions]), [[false, ['14.1.1']]]);
    const pruned = await box.tool(['prune']);
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.match(pruned.stdout, /ripgrep 14\.1\.1/, pruned.stdout);
    assert.ok(!existsSync(join(box.home, 'store/ripgrep/14.1.1')), `prune removed what nothing needs: ${pruned.stdout}`);
  });

  it('a relative TOOL_HOME is refused with one line', async () => {
    const result = await box.tool(['list'], { env: { TOOL_HOME: 'relative/home' } });
    assert.equal(result.code, 6);
    assert.equal(result.stderr, 'tool: TOOL_HOME="relative/home" is a relative path; it would name another directory wherever tool runs. Set TOOL_HOME to an absolute path, such as "$PWD/relative/home", or unset it\n');
  });
});
