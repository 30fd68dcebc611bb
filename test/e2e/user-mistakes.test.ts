/** Mistakes a user plausibly makes, found in review: each ends in a clear line and changes nothing. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep } from '../support/catalog.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

describe('user mistakes', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.1.1');
    assert.equal((await box.tool(['add', 'ripgrep@13.0.0'])).code, 0);
    assert.equal((await box.tool(['add', 'ripgrep@latest'])).code, 0);
  });
  after(() => box.close());

  it('tool remove tool@version refuses the global selection and prefixes, and removes an exact other version', async () => {
    const global = await box.tool(['remove', 'ripgrep@14.1.1']);
    assert.equal(global.code, 2);
    assert.match(global.stderr, /^tool: ripgrep 14\.1\.1 is the global selection; removing it would only make its shim download it again\. Select another version first/);
    const prefix = await box.tool(['remove', 'ripgrep@13']);
    assert.equal(prefix.code, 3);
    assert.match(prefix.stderr, /ripgrep 13 is not installed \(installed: 14\.1\.1, 13\.0\.0\)/);
    const exact = await box.tool(['remove', 'ripgrep@13.0.0']);
    assert.equal(exact.code, 0, exact.stderr);
    assert.ok(!existsSync(join(box.home, 'store/ripgrep/13.0.0')));
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
  });

  it('an --asset glob that fits nothing is refused even when the version is installed, and not remembered', async () => {
    const result = await box.tool(['add', 'ripgrep', '--asset', '*nomatch*']);
    assert.equal(result.code, 3);
    assert.match(result.stderr, /--asset '\*nomatch\*' matches no asset/);
    assert.doesNotMatch(readFileSync(join(box.home, 'state/tools/ripgrep.json'), 'utf8'), /nomatch/);
  });

  it('re-adding the current version adds no history entry', async () => {
    const before = (await box.tool(['history', 'ripgrep', '--json'])).stdout;
    assert.equal((await box.tool(['add', 'ripgrep'])).code, 0);
    assert.equal((await box.tool(['history', 'ripgrep', '--json'])).stdout, before);
  });

  it('a .tools that is a directory gives one clear line, not an internal error', async () => {
    const project = box.dir('user/odd');
    mkdirSync(join(project, '.tools'));
    const result = await box.tool(['pin', 'ripgrep@14.1.1'], { cwd: project });
    assert.equal(result.code, 6);
    assert.match(result.stderr, /^tool: .*user\/odd\/\.tools is a directory where a file was expected \(EISDIR\)\. Check that path/);
    assert.doesNotMatch(result.stderr, /internal error/);
  });

  it('TOOL_HOME pointing at a file gives one clear line', async () => {
    const file = box.write('not-a-dir', 'x');
    const result = await box.tool(['list'], { env: { TOOL_HOME: file } });
    assert.equal(result.code, 6);
    assert.match(result.stderr, /^tool: .*not-a-dir.* (already exists and is not a directory|is not a directory)/);
  });

  it('a settings file with an unknown key stops every command with its file and line', async () => {
    const path = box.write('user/.config/tool/settings', 'min-release-age = 1d\nproxy = http://127.0.0.1:9\n');
    try {
      const result = await box.tool(['list']);
      assert.equal(result.code, 6);
      assert.equal(result.stderr.split('\n').filter(Boolean).length, 1, result.stderr);
      assert.match(result.stderr, /^tool: .*\.config\/tool\/settings line 2: unknown setting "proxy"\. Known settings: /);
    } finally {
      rmSync(path);
    }
    assert.equal((await box.tool(['list'])).code, 0);
  });
});
