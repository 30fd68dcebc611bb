import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import {
  ancestors,
  describeSource,
  findPin,
  logicalCwd,
  nearestToolsFile,
  type ToolNames,
} from '../../../src/pins/resolve.js';

const rg: ToolNames = { id: 'ripgrep', aliases: ['ripgrep', 'BurntSushi/ripgrep'], envVar: 'TOOL_RIPGREP_VERSION' };

let root = '';

before(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'tool-pins-')));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh tree under the temp root: returns its directory. */
async function tree(name: string, files: Record<string, string>): Promise<string> {
  const base = join(root, name);
  await mkdir(base, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    const full = join(base, path);
    await mkdir(join(full, '..'), { recursive: true });
    await writeFile(full, text);
  }
  return base;
}

describe('findPin', () => {
  it('prefers the environment variable over every file', async () => {
    const base = await tree('env', { '.tools': 'ripgrep 13\n', 'global': 'ripgrep 12\n' });
    const pin = await findPin(rg, {
      env: { TOOL_RIPGREP_VERSION: ' 9.99.1 ' },
      cwd: base,
      globalFile: join(base, 'global'),
    });
    assert.deepEqual(pin, { spec: '9.99.1', source: { kind: 'env', variable: 'TOOL_RIPGREP_VERSION' } });
  });

  it('ignores an empty environment variable', async () => {
    const base = await tree('env-empty', { '.tools': 'ripgrep 13\n' });
    const pin = await findPin(rg, { env: { TOOL_RIPGREP_VERSION: '' }, cwd: base, globalFile: join(base, 'none') });
    assert.equal(pin?.spec, '13');
  });

  it('uses the nearest .tools that names the tool, skipping nearer ones that do not', async () => {
    const base = await tree('walk', {
      '.tools': 'ripgrep 12\n',
      'a/.tools': '# tools\njq 1.7.1\nripgrep 13.0.0 # a\n',
      'a/b/.tools': 'jq 1.6\n',
    });
    await mkdir(join(base, 'a/b/c'), { recursive: true });
    const pin = await findPin(rg, { env: {}, cwd: join(base, 'a/b/c'), globalFile: join(base, 'none') });
    assert.deepEqual(pin, { spec: '13.0.0', source: { kind: 'file', path: join(base, 'a/.tools'), line: 3 } });
  });

  it('skips a .tools that is a directory', async () => {
    const base = await tree('dir-tools', { '.tools': 'ripgrep 13\n', 'a/.tools/.keep': '' });
    const pin = await findPin(rg, { env: {}, cwd: join(base, 'a'), globalFile: join(base, 'none') });
    assert.deepEqual(pin, { spec: '13', source: { kind: 'file', path: join(base, '.tools'), line: 1 } });
  });

  it('falls back to the global file, then to undefined', async () => {
    const base = await tree('global', { 'work/.tools': 'jq 1.7.1\n', 'global-tools': 'jq 1\n\nripgrep 14 # global\n' });
    const context = { env: {}, cwd: join(base, 'work'), globalFile: join(base, 'global-tools') };
    assert.deepEqual(await findPin(rg, context), {
      spec: '14',
      source: { kind: 'global', path: join(base, 'global-tools'), line: 3 },
    });
    assert.equal(await findPin(rg, { ...context, globalFile: join(base, 'missing') }), undefined);
  });

  it('matches a line written as owner/repo, case-insensitively', async () => {
    const base = await tree('alias', { '.tools': 'burntsushi/RIPGREP >=1.6 <2\n' });
    const pin = await findPin(rg, { env: {}, cwd: base, globalFile: join(base, 'none') });
    assert.deepEqual(pin, { spec: '>=1.6 <2', source: { kind: 'file', path: join(base, '.tools'), line: 1 } });
  });

  it('throws TOOL_BAD_TOOLS_FILE with file and line for a malformed line naming the tool', async () => {
    const base = await tree('bad', { '.tools': 'jq 1.7.1\nripgrep\nripgrep 14\n' });
    await assert.rejects(findPin(rg, { env: {}, cwd: base, globalFile: join(base, 'none') }), (error: unknown) => {
      assert.ok(isToolError(error, 'TOOL_BAD_TOOLS_FILE'), String(error));
      assert.ok(error.message.includes(`${join(base, '.tools')} line 2`), error.message);
      return true;
    });
  });

  it('ignores a malformed line naming another tool', async () => {
    const base = await tree('bad-other', { '.tools': 'jq\nripgrep 14\n' });
    const pin = await findPin(rg, { env: {}, cwd: base, globalFile: join(base, 'none') });
    assert.deepEqual(pin, { spec: '14', source: { kind: 'file', path: join(base, '.tools'), line: 2 } });
  });

  it('walks up from the symlinked $PWD rather than the real directory', async () => {
    const base = await tree('logical', { 'real/dir/.keep': '', 'links/.tools': 'ripgrep 9.99.1\n' });
    await symlink(join(base, 'real/dir'), join(base, 'links/dir'));
    const pin = await findPin(rg, {
      env: { PWD: join(base, 'links/dir') },
      cwd: join(base, 'real/dir'),
      globalFile: join(base, 'none'),
    });
    assert.deepEqual(pin, { spec: '9.99.1', source: { kind: 'file', path: join(base, 'links/.tools'), line: 1 } });
  });
});

describe('nearestToolsFile', () => {
  it('returns the nearest .tools whatever it names', async () => {
    const base = await tree('nearest', { '.tools': 'ripgrep 14\n', 'a/.tools': '# empty\n' });
    const file = await nearestToolsFile({ env: {}, cwd: join(base, 'a'), globalFile: join(base, 'none') });
    assert.equal(file?.path, join(base, 'a/.tools'));
    assert.deepEqual(file?.entries, []);
  });
});

describe('logicalCwd', () => {
  it('keeps $PWD when it is a symlink to the working directory', async () => {
    const base = await tree('pwd', { 'real/.keep': '' });
    await symlink(join(base, 'real'), join(base, 'link'));
    assert.equal(await logicalCwd({ PWD: join(base, 'link') }, join(base, 'real')), join(base, 'link'));
  });

  it('uses cwd when $PWD is unset, relative, missing or another directory', async () => {
    const base = await tree('pwd-other', { 'a/.keep': '', 'b/.keep': '' });
    const cwd = join(base, 'a');
    assert.equal(await logicalCwd({}, cwd), cwd);
    assert.equal(await logicalCwd({ PWD: 'a' }, cwd), cwd);
    assert.equal(await logicalCwd({ PWD: join(base, 'gone') }, cwd), cwd);
    assert.equal(await logicalCwd({ PWD: join(base, 'b') }, cwd), cwd);
  });
});

describe('ancestors', () => {
  it('lists the directory and its parents up to the root, nearest first', () => {
    assert.deepEqual(ancestors('/a/b/c'), ['/a/b/c', '/a/b', '/a', '/']);
    assert.deepEqual(ancestors('/'), ['/']);
  });
});

describe('describeSource', () => {
  it('names the variable, the file and line, or the global selection', () => {
    assert.equal(describeSource({ kind: 'env', variable: 'TOOL_RG_VERSION' }), 'environment variable TOOL_RG_VERSION');
    assert.equal(describeSource({ kind: 'file', path: '/p/.tools', line: 3 }), '/p/.tools line 3');
    assert.equal(describeSource({ kind: 'global', path: '/h/global', line: 1 }), 'global selection (/h/global line 1)');
  });
});
