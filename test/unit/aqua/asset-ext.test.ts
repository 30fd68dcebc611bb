// Pins aqua's asset-name rules: format suffixes, appending the declared format,
// raw downloads and the version-blind extension test behind ".exe" completion.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appendExt, extIgnoringVersion, isUnarchived, removeExtFromAsset } from '../../../src/aqua/asset-ext.js';

describe('asset-ext', () => {
  it('recognises compound suffixes before simple ones', () => {
    assert.deepEqual(removeExtFromAsset('rg-1.0.tar.gz'), ['rg-1.0', 'tar.gz']);
    assert.deepEqual(removeExtFromAsset('tool.tgz'), ['tool', 'tgz']);
    assert.deepEqual(removeExtFromAsset('tool_linux_amd64'), ['tool_linux_amd64', 'raw']);
  });

  it('appends the declared format only to names without a known suffix', () => {
    assert.equal(appendExt('tool-linux', 'tar.gz'), 'tool-linux.tar.gz');
    assert.equal(appendExt('tool-linux.tgz', 'tar.gz'), 'tool-linux.tgz');
    assert.equal(appendExt('tool-linux', 'raw'), 'tool-linux');
    assert.equal(appendExt('tool-linux', ''), 'tool-linux');
  });

  it('installs raw, extension-less, .exe and .jar downloads as they are', () => {
    assert.equal(isUnarchived('raw', 'x.tar.gz'), true);
    assert.equal(isUnarchived('', 'tool'), true);
    assert.equal(isUnarchived('', 'tool.jar'), true);
    assert.equal(isUnarchived('', 'tool.zip'), false);
    assert.equal(isUnarchived('zip', 'tool'), false);
  });

  it('ignores the dots of the version when looking for an extension', () => {
    assert.equal(extIgnoringVersion('tool-1.2.3-linux', 'v1.2.3'), '');
    assert.equal(extIgnoringVersion('tool-1.2.3.exe', 'v1.2.3'), '.exe');
  });
});
