import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatProgress } from '../../../src/cli/progress.js';

describe('formatProgress', () => {
  it('shows the asset, the percentage and the megabytes received of the total', () => {
    assert.equal(formatProgress({ label: 'rg.tar.gz', received: 12.3 * 1024 * 1024, total: 27.1 * 1024 * 1024, done: false }), '  rg.tar.gz  45%  12.3/27.1 MB');
  });

  it('shows only the megabytes received when the size is unknown', () => {
    assert.equal(formatProgress({ label: 'x', received: 3 * 1024 * 1024, total: undefined, done: false }), '  x  3.0 MB');
  });

  it('shortens a long asset name to fit the terminal width', () => {
    const line = formatProgress({ label: 'a'.repeat(200), received: 1, total: 2, done: false }, 60);
    assert.ok(line.length <= 60, line);
    assert.match(line, /a…  50%/);
  });
});
