import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../../src/core/errors.js';
import { globToRegExp, guessBins, locateBins, type FileLike } from '../../../../src/app/install/locate-bins.js';

const exe = (path: string): FileLike => ({ path, mode: 0o755, type: 'file' });
const plain = (path: string): FileLike => ({ path, mode: 0o644, type: 'file' });
const dir = (path: string): FileLike => ({ path, mode: 0o755, type: 'dir' });

const context = { tool: 'ripgrep', vars: { version: '9.99.1', tag: 'v9.99.1' } };

describe('globToRegExp', () => {
  it('matches * and ? within one path segment and everything else literally', () => {
    const re = globToRegExp('rg-*-x86_64/rg?.(exe)');
    assert.equal(re.test('rg-9.99.1-x86_64/rgX.(exe)'), true);
    assert.equal(re.test('rg-9/9-x86_64/rgX.(exe)'), false);
    assert.equal(re.test('rg-9-x86_64/rgX.exe'), false);
    assert.equal(globToRegExp('a.b').test('axb'), false);
  });
});

describe('locateBins', () => {
  it('finds the registry path after filling {version} and matching *', () => {
    const files = [
      dir('ripgrep-9.99.1-x86_64-unknown-linux-musl'),
      exe('ripgrep-9.99.1-x86_64-unknown-linux-musl/rg'),
      exe('ripgrep-9.99.0-x86_64-unknown-linux-musl/rg'),
      plain('ripgrep-9.99.1-x86_64-unknown-linux-musl/README.md'),
    ];
    const bins = [{ name: 'rg', path: 'ripgrep-{version}-x86_64-*/rg' }];
    assert.deepEqual(locateBins(files, bins, context), { rg: 'ripgrep-9.99.1-x86_64-unknown-linux-musl/rg' });
  });

  it('finds a file by name, the shallowest one winning', () => {
    const files = [exe('pkg/doc/examples/rg'), exe('pkg/bin/rg'), exe('pkg/bin/rg-helper'), exe('pkg/bin/other')];
    assert.deepEqual(locateBins(files, [{ name: 'rg' }], context), { rg: 'pkg/bin/rg' });
  });

  it('finds a Windows executable by name with .exe', () => {
    const files = [exe('rg-9.99.1/rg.exe'), exe('rg-9.99.1/other.exe')];
    assert.deepEqual(locateBins(files, [{ name: 'rg' }], context), { rg: 'rg-9.99.1/rg.exe' });
  });

  it('ignores a directory that has the executable name', () => {
    const files = [dir('rg'), exe('pkg/rg'), exe('pkg/other')];
    assert.deepEqual(locateBins(files, [{ name: 'rg' }], context), { rg: 'pkg/rg' });
  });

  it('locates several executables', () => {
    const files = [exe('bin/a'), exe('bin/b'), exe('bin/c')];
    assert.deepEqual(locateBins(files, [{ name: 'a' }, { name: 'b' }], context), { a: 'bin/a', b: 'bin/b' });
  });

  it('takes the only executable file when the name does not match and one bin is wanted', () => {
    const files = [dir('pkg'), exe('pkg/ripgrep-9.99.1-linux'), plain('pkg/LICENSE')];
    assert.deepEqual(locateBins(files, [{ name: 'rg' }], context), { rg: 'pkg/ripgrep-9.99.1-linux' });
  });

  it('throws TOOL_BIN_NOT_FOUND listing the executables it found', () => {
    const files = [exe('pkg/one'), exe('pkg/two'), plain('pkg/rg.1')];
    assert.throws(
      () => locateBins(files, [{ name: 'rg' }], context),
      (error: unknown) => {
        assert.ok(isToolError(error, 'TOOL_BIN_NOT_FOUND'), String(error));
        assert.ok(error.message.includes('ripgrep'), error.message);
        assert.ok(error.message.includes('"rg"'), error.message);
        assert.ok(error.message.includes('found: pkg/one, pkg/two'), error.message);
        return true;
      },
    );
  });

  it('names the registry path and says when there are no executables at all', () => {
    assert.throws(
      () => locateBins([plain('README')], [{ name: 'rg', path: 'bin/rg' }], context),
      (error: unknown) => {
        assert.ok(isToolError(error, 'TOOL_BIN_NOT_FOUND'), String(error));
        assert.ok(error.message.includes('at bin/rg'), error.message);
        assert.ok(error.message.includes('no executable files'), error.message);
        return true;
      },
    );
  });

  it('does not use the only-executable fallback when several bins are wanted', () => {
    assert.throws(() => locateBins([exe('pkg/x')], [{ name: 'a' }, { name: 'b' }], context), /no executable "a"/);
  });
});

describe('guessBins', () => {
  it('uses the repository name when an executable is named like it', () => {
    assert.deepEqual(guessBins([exe('pkg/hello'), exe('pkg/helper')], 'hello'), [{ name: 'hello' }]);
    assert.deepEqual(guessBins([exe('pkg/hello.exe'), exe('pkg/helper.exe')], 'hello'), [{ name: 'hello' }]);
  });

  it('uses the repository name when there are no executables', () => {
    assert.deepEqual(guessBins([plain('hello')], 'hello-cli'), [{ name: 'hello-cli' }]);
  });

  it('uses the only executable, without .exe', () => {
    assert.deepEqual(guessBins([exe('pkg/rg.exe'), plain('pkg/README')], 'ripgrep'), [{ name: 'rg' }]);
  });

  it('uses every non-script executable at the shallowest level', () => {
    const files = [exe('pkg/a'), exe('pkg/b'), exe('pkg/install.sh'), exe('pkg/lib/c')];
    assert.deepEqual(guessBins(files, 'tools'), [{ name: 'a' }, { name: 'b' }]);
  });

  it('throws TOOL_BIN_AMBIGUOUS when more than eight executables sit at the top', () => {
    const files = Array.from({ length: 9 }, (_, i) => exe(`pkg/bin${i}`));
    assert.throws(
      () => guessBins(files, 'tools'),
      (error: unknown) => {
        assert.ok(isToolError(error, 'TOOL_BIN_AMBIGUOUS'), String(error));
        assert.ok(error.message.includes('pkg/bin0'), error.message);
        return true;
      },
    );
  });
});
