import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProgressEvent } from '../../../src/app/context.js';
import { formatSpeed, formatTimeLeft, speedometer } from '../../../src/cli/download-rate.js';
import { formatProgress, terminalProgress } from '../../../src/cli/progress.js';
import { formatBoard, withProgressBoard } from '../../../src/cli/progress-board.js';

const MB = 1024 * 1024;
const event = (label: string, receivedMb: number, totalMb: number | undefined, done = false): ProgressEvent => ({ label, received: receivedMb * MB, total: totalMb === undefined ? undefined : totalMb * MB, done });

function fakeStream(): NodeJS.WriteStream & { text: string } {
  const stream = { isTTY: true, columns: 80, text: '', write: (chunk: string) => ((stream.text += chunk), true) };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

describe('formatSpeed and formatTimeLeft', () => {
  it('shows kB/s below a megabyte a second and MB/s above', () => {
    assert.equal(formatSpeed(850 * 1024), '850 kB/s');
    assert.equal(formatSpeed(2.4 * MB), '2.4 MB/s');
    assert.equal(formatSpeed(0), '0 kB/s');
  });

  it('shows seconds, minutes and seconds, or hours and minutes, rounded up', () => {
    assert.equal(formatTimeLeft(6.2), '7s');
    assert.equal(formatTimeLeft(0.01), '1s', 'never 0s while bytes remain');
    assert.equal(formatTimeLeft(125), '2m 05s');
    assert.equal(formatTimeLeft(3 * 3600 + 4 * 60), '3h 04m');
  });
});

describe('speedometer', () => {
  it('has no speed until half a second has passed, then the average since the first event', () => {
    let now = 1000;
    const rateOf = speedometer(() => now);
    assert.equal(rateOf(event('a', 0, 10)), undefined);
    now = 1200;
    assert.equal(rateOf(event('a', 1, 10)), undefined, 'too early');
    now = 3000;
    assert.deepEqual(rateOf(event('a', 4, 10)), { bytesPerSecond: 2 * MB });
  });

  it('tracks each download apart and forgets one when it is done', () => {
    let now = 0;
    const rateOf = speedometer(() => now);
    rateOf(event('a', 0, 10));
    now = 1000;
    rateOf(event('b', 0, 10));
    now = 2000;
    assert.deepEqual(rateOf(event('a', 2, 10)), { bytesPerSecond: 1 * MB });
    assert.deepEqual(rateOf(event('b', 3, 10)), { bytesPerSecond: 3 * MB });
    assert.equal(rateOf(event('a', 10, 10, true)), undefined);
    assert.equal(rateOf(event('a', 1, 10)), undefined, 'a new download under the same name starts afresh');
  });
});

describe('progress lines with speed and time left', () => {
  it('adds the speed and the time left to the one-download line', () => {
    assert.equal(formatProgress(event('rg.tar.gz', 12, 27), 80, { bytesPerSecond: 3 * MB }), '  rg.tar.gz  44%  12.0/27.0 MB  3.0 MB/s  5s left');
  });

  it('shows only the speed when the size is unknown or the download is stalled', () => {
    assert.equal(formatProgress(event('x', 3, undefined), 80, { bytesPerSecond: 512 * 1024 }), '  x  3.0 MB  512 kB/s');
    assert.equal(formatProgress(event('x', 3, 9), 80, { bytesPerSecond: 0 }), '  x  33%  3.0/9.0 MB  0 kB/s');
  });

  it('still fits the terminal width with the longer tail', () => {
    const line = formatProgress(event('a'.repeat(200), 1, 2), 60, { bytesPerSecond: MB });
    assert.ok(line.length <= 60, line);
    assert.match(line, /a…  50%  1\.0\/2\.0 MB  1\.0 MB\/s  1s left$/);
  });

  it('the board shows the downloads\' speeds added up and the time left for all of them', () => {
    assert.equal(formatBoard([event('rg', 1, 4), event('fd', 3, 4)], 80, { bytesPerSecond: 2 * MB }), '  2 downloads  4.0/8.0 MB  2.0 MB/s  2s left  rg 25% · fd 75%');
  });

  it('a terminal line shows the speed once the clock has moved on', () => {
    let now = 0;
    const stream = fakeStream();
    const draw = terminalProgress(stream, () => now)!;
    draw(event('rg.tar.gz', 0, 10));
    assert.equal(stream.text, '\r\x1b[2K  rg.tar.gz  0%  0.0/10.0 MB');
    now = 2000;
    stream.text = '';
    draw(event('rg.tar.gz', 4, 10));
    assert.equal(stream.text, '\r\x1b[2K  rg.tar.gz  40%  4.0/10.0 MB  2.0 MB/s  3s left');
  });

  it('the board on a terminal adds up the speeds of the downloads in flight', () => {
    let now = 0;
    const stream = fakeStream();
    const ctx = { log: () => {}, progress: () => {} } as never;
    const board = withProgressBoard(ctx, stream, () => now);
    board.ctx.progress(event('a', 0, 4));
    board.ctx.progress(event('b', 0, 4));
    now = 1000;
    board.ctx.progress(event('a', 1, 4));
    now = 2000;
    board.ctx.progress(event('b', 2, 4));
    // a: 1 MB in 1 s, b: 2 MB in 2 s; 5 MB left at 2 MB/s.
    assert.ok(stream.text.endsWith('\r\x1b[2K  2 downloads  3.0/8.0 MB  2.0 MB/s  3s left  a 25% · b 50%'), JSON.stringify(stream.text));
  });
});
