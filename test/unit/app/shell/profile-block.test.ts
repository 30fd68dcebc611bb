import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BLOCK_BEGIN, BLOCK_END, planProfile, putsShimsOnPath } from '../../../../src/app/shell/profile-block.js';
import { pathLines } from '../../../../src/app/shell/shells.js';
import { isToolError } from '../../../../src/core/errors.js';

const HOME = '/home/ann';
const SHIMS = '/home/ann/.local/share/tool/shims';
const BODY = pathLines('bash', SHIMS, HOME);
const BLOCK = [BLOCK_BEGIN, ...BODY, BLOCK_END].join('\n');
const plan = (before: string | undefined, body = BODY) => planProfile('/home/ann/.bashrc', before, body, SHIMS, HOME);

describe('planProfile', () => {
  it('writes the block alone into a missing or empty file', () => {
    assert.deepEqual(plan(undefined), { action: 'add', line: 1, text: `${BLOCK}\n` });
    assert.deepEqual(plan(''), { action: 'add', line: 1, text: `${BLOCK}\n` });
  });

  it('appends after one blank line and keeps every other byte', () => {
    const before = 'alias ll="ls -l"\r\n# mine\n';
    const result = plan(before);
    assert.equal(result.action, 'add');
    assert.equal(result.text, `${before}\n${BLOCK}\n`);
    assert.equal(result.line, 4);
    assert.equal(plan('no newline at the end').text, `no newline at the end\n\n${BLOCK}\n`);
  });

  it('finds its own block again and changes nothing, wherever it sits', () => {
    const once = plan('export EDITOR=vi\n').text;
    const later = `${once}alias g=git\n`;
    assert.deepEqual(plan(later), { action: 'none', line: 3, text: later });
  });

  it('replaces its block in place when the shims moved, leaving the lines around it', () => {
    const old = planProfile('/home/ann/.bashrc', 'a\n', pathLines('bash', '/opt/tool/shims', HOME), '/opt/tool/shims', HOME).text;
    const result = plan(`${old}b\n`);
    assert.equal(result.action, 'update');
    assert.equal(result.text, `a\n\n${BLOCK}\nb\n`);
  });

  it('leaves a file alone that already puts the shims on PATH by hand', () => {
    for (const line of [`export PATH="${SHIMS}:$PATH"`, 'export PATH=$HOME/.local/share/tool/shims:$PATH', 'PATH="${HOME}/.local/share/tool/shims/:$PATH"', '  path=(~/.local/share/tool/shims $path); export PATH']) {
      const before = `# setup\n${line}\n`;
      assert.deepEqual(plan(before), { action: 'none', line: 2, text: before }, line);
    }
  });

  it('refuses a block that lost its end marker, naming the file and line', () => {
    assert.throws(() => plan(`x\n${BLOCK_BEGIN}\nexport PATH=/x:$PATH\n`), (error: unknown) => {
      assert.ok(isToolError(error, 'TOOL_BAD_SETTING'));
      assert.match(error.message, /\/home\/ann\/\.bashrc has .* at line 2/);
      return true;
    });
  });
});

describe('putsShimsOnPath', () => {
  it('ignores comments, other directories and lines that do not touch PATH', () => {
    assert.equal(putsShimsOnPath(`# export PATH="${SHIMS}:$PATH"`, SHIMS, HOME), false);
    assert.equal(putsShimsOnPath(`export PATH="${SHIMS}2:$PATH"`, SHIMS, HOME), false);
    assert.equal(putsShimsOnPath(`alias shims="ls ${SHIMS}"`, SHIMS, HOME), false);
    assert.equal(putsShimsOnPath(`export PATH="$HOMEDIR/.local/share/tool/shims:$PATH"`, SHIMS, HOME), false);
  });

  it('recognises fish syntax', () => {
    assert.equal(putsShimsOnPath(`fish_add_path ${SHIMS}`, SHIMS, HOME), true);
    assert.equal(putsShimsOnPath('set -gx fish_user_paths ~/.local/share/tool/shims $fish_user_paths', SHIMS, HOME), true);
  });
});
