import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoOverlap } from '../../../src/archive/zip-spans.js';
import { isToolError } from '../../../src/core/errors.js';

const archive = 'zip archive "x.zip"';

function refusedNaming(spans: Parameters<typeof assertNoOverlap>[0], names: string[]): void {
  assert.throws(
    () => assertNoOverlap(spans, archive),
    (error: unknown) => {
      assert.ok(isToolError(error, 'TOOL_UNSAFE_ARCHIVE'), String(error));
      for (const name of names) assert.ok(error.message.includes(JSON.stringify(name)), `${error.message} should name ${name}`);
      return true;
    },
  );
}

describe('assertNoOverlap', () => {
  it('accepts entries laid end to end, in any order, and empty entries', () => {
    assertNoOverlap(
      [
        { name: 'b', start: 100, end: 250 },
        { name: 'a', start: 0, end: 100 },
        { name: 'c', start: 250, end: 280 },
      ],
      archive,
    );
    assertNoOverlap([], archive);
  });

  it('refuses two entries pointing at the same local header', () => {
    refusedNaming([{ name: 'a', start: 0, end: 100 }, { name: 'b', start: 0, end: 100 }], ['a', 'b']);
  });

  it('refuses an entry whose header lies inside another entry\'s data (a quoted overlap)', () => {
    refusedNaming([{ name: 'outer', start: 0, end: 1000 }, { name: 'inner', start: 40, end: 1000 }], ['inner', 'outer']);
  });

  it('compares with the entry reaching furthest, not only the one just before', () => {
    refusedNaming(
      [
        { name: 'long', start: 0, end: 1000 },
        { name: 'short', start: 10, end: 20 },
        { name: 'later', start: 500, end: 1200 },
      ],
      ['short', 'long'],
    );
  });
});
