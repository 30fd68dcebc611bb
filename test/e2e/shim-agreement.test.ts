/**
 * The sh shim and the TypeScript resolver must pick the same version for the
 * same inputs. Each scenario runs the shim twice (the second time with Node
 * poisoned through NODE_OPTIONS, proving the fast path never starts Node) and
 * `tool which --json`, and all three must agree.
 */
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep } from '../support/catalog.js';
import { createSandbox, run, type Sandbox } from '../support/sandbox.js';

interface Scenario {
  name: string;
  files: Record<string, string>;
  cwd: string;
  env?: Record<string, string>;
  expect: string;
}

const scenarios: Scenario[] = [
  { name: 'no .tools anywhere: the global selection', files: {}, cwd: 'a/b', expect: '14.1.1' },
  { name: 'a .tools in the working directory', files: { 'p/.tools': 'ripgrep 13.0.0\n' }, cwd: 'p', expect: '13.0.0' },
  { name: 'a .tools two levels up', files: { 'p/.tools': 'ripgrep 13.0.0\n' }, cwd: 'p/x/y', expect: '13.0.0' },
  { name: 'a nearer .tools that does not name the tool is skipped', files: { 'p/.tools': 'ripgrep 13.0.0\n', 'p/x/.tools': 'yt-dlp 2024.08.06\n' }, cwd: 'p/x', expect: '13.0.0' },
  { name: 'owner/repo in any letter case, with a range', files: { 'p/.tools': 'BurntSushi/RipGrep ~14.0\n' }, cwd: 'p', expect: '14.0.0' },
  { name: 'tabs, a trailing comment and CRLF', files: { 'p/.tools': '# pins\r\n\tripgrep\t 14.1   # why\r\n' }, cwd: 'p', expect: '14.1.1' },
  { name: 'a commented-out line is ignored', files: { 'p/.tools': '# ripgrep 13.0.0\nripgrep 14.0.0\n' }, cwd: 'p', expect: '14.0.0' },
  { name: 'a leading v', files: { 'p/.tools': 'ripgrep v13.0.0\n' }, cwd: 'p', expect: '13.0.0' },
  { name: 'a range with a space in it', files: { 'p/.tools': 'ripgrep >=13   <14\n' }, cwd: 'p', expect: '13.0.0' },
  { name: 'latest means the newest installed', files: { 'p/.tools': 'ripgrep latest\n' }, cwd: 'p', expect: '14.1.1' },
  { name: 'a last line without a newline', files: { 'p/.tools': 'yt-dlp 2024.08.06\nripgrep 13' }, cwd: 'p', expect: '13.0.0' },
  { name: 'a line naming the tool by its executable', files: { 'p/.tools': 'rg 13.0.0\n' }, cwd: 'p', expect: '13.0.0' },
  { name: 'the executable name in another letter case, nearer than a registry-name line', files: { 'p/.tools': 'ripgrep 14.0\n', 'p/q/.tools': 'RG 13\n' }, cwd: 'p/q', expect: '13.0.0' },
  { name: 'the first line naming the tool wins, whatever name it uses', files: { 'p/.tools': 'rg 13\nripgrep 14.0\n' }, cwd: 'p', expect: '13.0.0' },
  { name: 'TOOL_RG_VERSION, the executable\'s variable', files: { 'p/.tools': 'ripgrep 13.0.0\n' }, cwd: 'p', env: { TOOL_RG_VERSION: '14.0' }, expect: '14.0.0' },
  { name: 'the tool\'s own variable beats the executable\'s', files: {}, cwd: 'p', env: { TOOL_RIPGREP_VERSION: '13', TOOL_RG_VERSION: '14.0' }, expect: '13.0.0' },
  { name: 'an empty variable counts as unset', files: {}, cwd: 'p', env: { TOOL_RIPGREP_VERSION: '', TOOL_RG_VERSION: '14.0' }, expect: '14.0.0' },
  { name: 'the env var beats the nearest .tools', files: { 'p/.tools': 'ripgrep 13.0.0\n' }, cwd: 'p', env: { TOOL_RIPGREP_VERSION: '14.0' }, expect: '14.0.0' },
];

describe('the sh shim and tool which agree', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.0.0', '14.1.1');
    for (const spec of ['13.0.0', '14.0.0', '14']) {
      const result = await box.tool(['add', `ripgrep@${spec}`]);
      assert.equal(result.code, 0, result.stderr);
    }
  });
  after(() => box.close());

  scenarios.forEach((scenario, index) => {
    it(`${scenario.name} → ${scenario.expect}`, async () => {
      const base = `s${index}`;
      for (const [path, text] of Object.entries(scenario.files)) box.write(`${base}/${path}`, text);
      const cwd = box.dir(`${base}/${scenario.cwd}`);
      const env = scenario.env ?? {};
      const first = await box.sh('rg --version', { cwd, env });
      assert.equal(first.stdout, `ripgrep ${scenario.expect}\n`, first.stderr);
      const fast = await box.sh('rg --version', { cwd, env: { ...env, NODE_OPTIONS: '--require=/nonexistent/poison.js' } });
      assert.equal(fast.stdout, `ripgrep ${scenario.expect}\n`, `fast path started Node or differs: ${fast.stderr}`);
      const which = await box.tool(['which', 'rg', '--json'], { cwd, env });
      assert.equal(which.code, 0, which.stderr);
      assert.equal(JSON.parse(which.stdout).version, scenario.expect);
    });
  });

  it('a symlinked working directory resolves through its logical parents, like the shell', async () => {
    box.write('real/inner/.keep', '');
    box.write('logical/.tools', 'ripgrep 13.0.0\n');
    symlinkSync(join(box.root, 'real/inner'), join(box.root, 'logical/link'));
    const cwd = join(box.root, 'logical/link');
    const shim = await box.sh('rg --version', { cwd });
    assert.equal(shim.stdout, 'ripgrep 13.0.0\n');
    const which = await box.tool(['which', 'rg', '--json'], { cwd });
    assert.equal(JSON.parse(which.stdout).version, '13.0.0');
  });

  it('tool list and tool install read an executable-name line as the shim does', async () => {
    box.write('exe-line/.tools', 'rg 13.0.0 # by executable\n');
    const cwd = box.dir('exe-line');
    const list = await box.tool(['list', '--json'], { cwd });
    assert.equal(list.code, 0, list.stderr);
    const ripgrep = JSON.parse(list.stdout).tools.find((tool: { tool: string }) => tool.tool === 'ripgrep');
    assert.equal(ripgrep.active.version, '13.0.0');
    assert.match(ripgrep.active.source.file, /exe-line\/\.tools$/);
    assert.deepEqual([ripgrep.active.source.kind, ripgrep.active.source.line], ['project', 1]);
    const install = await box.tool(['install'], { cwd });
    assert.equal(install.code, 0, install.stderr);
    assert.equal((await box.sh('rg --version', { cwd })).stdout, 'ripgrep 13.0.0\n');
  });

  it('a .tools.lock beside .tools fixes the version for the shim and which, even where a newer match is installed', async () => {
    box.write('locked/.tools', 'ripgrep 14.0.0\n');
    const cwd = box.dir('locked/deep');
    assert.equal((await box.tool(['lock'], { cwd })).code, 0);
    // The spec now allows 14.1.1 (installed), but the lock says 14.0.0.
    box.write('locked/.tools', 'ripgrep 14\n');
    const first = await box.sh('rg --version', { cwd });
    assert.equal(first.stdout, 'ripgrep 14.0.0\n', first.stderr);
    const fast = await box.sh('rg --version', { cwd, env: { NODE_OPTIONS: '--require=/nonexistent/poison.js' } });
    assert.equal(fast.stdout, 'ripgrep 14.0.0\n', `the locked index keeps the shim in sh: ${fast.stderr}`);
    assert.equal(JSON.parse((await box.tool(['which', 'rg', '--json'], { cwd })).stdout).version, '14.0.0');
    // A lock that no longer satisfies the line does not decide: the spec does, in both.
    box.write('locked/.tools', 'ripgrep 13\n');
    assert.equal((await box.sh('rg --version', { cwd })).stdout, 'ripgrep 13.0.0\n');
    assert.equal(JSON.parse((await box.tool(['which', 'rg', '--json'], { cwd })).stdout).version, '13.0.0');
    const fastAgain = await box.sh('rg --version', { cwd, env: { NODE_OPTIONS: '--require=/nonexistent/poison.js' } });
    assert.equal(fastAgain.stdout, 'ripgrep 13.0.0\n', fastAgain.stderr);
  });

  it('a hand edit of global.tools is noticed by the shim before it trusts the index', async () => {
    box.write('tool-home/global.tools', 'ripgrep 13.0.0\n');
    const cwd = box.dir('plain');
    const shim = await box.sh('rg --version', { cwd });
    assert.equal(shim.stdout, 'ripgrep 13.0.0\n', shim.stderr);
    const fast = await run('/bin/sh', ['-c', 'rg --version'], { ...box.env, NODE_OPTIONS: '--require=/nonexistent/poison.js' }, { cwd });
    assert.equal(fast.stdout, 'ripgrep 13.0.0\n', fast.stderr);
  });
});

describe('shims follow the CLI that manages them', () => {
  it('are rewritten when the Node or CLI path baked into them changes', async () => {
    const box = await createSandbox();
    try {
      addRipgrep(box.server, '14.1.1');
      assert.equal((await box.tool(['add', 'ripgrep'])).code, 0);
      const shim = join(box.shims, 'rg');
      const { readFileSync, writeFileSync } = await import('node:fs');
      writeFileSync(shim, readFileSync(shim, 'utf8').replaceAll(process.execPath, '/old/node/bin/node'));
      box.write('tool-home/state/shims-rendered', '1\n/old/node/bin/node\nold-cli\n');
      assert.equal((await box.tool(['list'])).code, 0);
      assert.ok(readFileSync(shim, 'utf8').includes(`'${process.execPath}'`));
      assert.doesNotMatch(readFileSync(shim, 'utf8'), /\/old\/node/);
    } finally {
      await box.close();
    }
  });

  it('refuses a TOOL_HOME written with another layout version', async () => {
    const box = await createSandbox();
    try {
      box.write('tool-home/layout-version', '99\n');
      const result = await box.tool(['list']);
      assert.equal(result.code, 6);
      assert.match(result.stderr, /^tool: .*tool-home\/layout-version says layout version 99; this tool understands version 1\. Use the tool version that created it, or point TOOL_HOME elsewhere\n$/);
    } finally {
      await box.close();
    }
  });
});
