import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byteSizeSetting, formatByteSize, parseByteSize } from '../../../src/core/byte-size.js';

describe('parseByteSize', () => {
  it('reads plain bytes and K, M, G, T as powers of 1024, with or without B or iB, in any case', () => {
    assert.equal(parseByteSize('65536'), 65536);
    assert.equal(parseByteSize('500M'), 500 * 1024 ** 2);
    assert.equal(parseByteSize('8G'), 8 * 1024 ** 3);
    assert.equal(parseByteSize('8g'), 8 * 1024 ** 3);
    assert.equal(parseByteSize('4GiB'), 4 * 1024 ** 3);
    assert.equal(parseByteSize('4 GB'), 4 * 1024 ** 3);
    assert.equal(parseByteSize('1.5G'), 1.5 * 1024 ** 3);
    assert.equal(parseByteSize('2T'), 2 * 1024 ** 4);
    assert.equal(parseByteSize('100k'), 102400);
  });

  it('refuses what is not a positive size', () => {
    for (const text of ['', 'G', '-1G', '0', '0M', '8X', 'eight', '1e9', '8 G B']) assert.equal(parseByteSize(text), undefined, text);
  });
});

describe('formatByteSize', () => {
  it('uses the largest unit that keeps the number at least 1', () => {
    assert.equal(formatByteSize(512), '512 bytes');
    assert.equal(formatByteSize(4 * 1024 ** 3), '4 GiB');
    assert.equal(formatByteSize(1.5 * 1024 ** 2), '1.5 MiB');
    assert.equal(formatByteSize(320 * 1024), '320 KiB');
  });
});

describe('byteSizeSetting', () => {
  it('writes a size the way a setting accepts it, and parseByteSize reads it back', () => {
    for (const [bytes, text] of [[8 * 1024 ** 3, '8G'], [1536 * 1024 ** 2, '1536M'], [1000, '1000']] as const) {
      assert.equal(byteSizeSetting(bytes), text);
      assert.equal(parseByteSize(text), bytes);
    }
  });
});
