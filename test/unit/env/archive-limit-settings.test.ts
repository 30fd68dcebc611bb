import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultArchiveLimits } from '../../../src/core/archive-limits.js';
import { isToolError } from '../../../src/core/errors.js';
import { readSettings } from '../../../src/env/settings.js';

const base = { TOOL_HOME: '/tmp/tool-home-unused' };

function badSetting(env: Record<string, string>, fragments: string[]): void {
  assert.throws(
    () => readSettings({ ...base, ...env }),
    (error: unknown) => {
      assert.ok(isToolError(error, 'TOOL_BAD_SETTING'), String(error));
      assert.equal(error.exitCode, 6);
      for (const fragment of fragments) assert.ok(error.toLine().includes(fragment), `${error.toLine()} should mention ${fragment}`);
      return true;
    },
  );
}

describe('archive limits in settings', () => {
  it('default to 4 GiB, 100 000 entries and a ratio of 200 when unset or empty', () => {
    assert.deepEqual(readSettings(base).archiveLimits, defaultArchiveLimits);
    assert.equal(defaultArchiveLimits.maxUnpackedBytes, 4 * 1024 ** 3);
    assert.equal(defaultArchiveLimits.maxEntries, 100_000);
    const empty = readSettings({ ...base, TOOL_MAX_UNPACKED_BYTES: '', TOOL_MAX_ENTRIES: '', TOOL_MAX_COMPRESSION_RATIO: '' });
    assert.deepEqual(empty.archiveLimits, defaultArchiveLimits);
  });

  it('TOOL_MAX_UNPACKED_BYTES takes "8G" or "500M", TOOL_MAX_ENTRIES and TOOL_MAX_COMPRESSION_RATIO whole numbers', () => {
    const limits = readSettings({ ...base, TOOL_MAX_UNPACKED_BYTES: '8G', TOOL_MAX_ENTRIES: '1_000_000', TOOL_MAX_COMPRESSION_RATIO: '5000' }).archiveLimits;
    assert.equal(limits.maxUnpackedBytes, 8 * 1024 ** 3);
    assert.equal(limits.maxEntries, 1_000_000);
    assert.equal(limits.maxRatio, 5000);
    assert.equal(readSettings({ ...base, TOOL_MAX_UNPACKED_BYTES: '500M' }).archiveLimits.maxUnpackedBytes, 500 * 1024 ** 2);
  });

  it('a value that is not a size or a positive number is one line naming the variable and an example', () => {
    badSetting({ TOOL_MAX_UNPACKED_BYTES: 'lots' }, ['TOOL_MAX_UNPACKED_BYTES="lots" is not a size', '8G']);
    badSetting({ TOOL_MAX_UNPACKED_BYTES: '0' }, ['TOOL_MAX_UNPACKED_BYTES="0"']);
    badSetting({ TOOL_MAX_ENTRIES: '-5' }, ['TOOL_MAX_ENTRIES="-5" is not a positive whole number', '200000']);
    badSetting({ TOOL_MAX_COMPRESSION_RATIO: '2.5' }, ['TOOL_MAX_COMPRESSION_RATIO="2.5"']);
  });
});
