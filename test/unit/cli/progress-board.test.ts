import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppContext, ProgressEvent } from '../../../src/app/context.js';
import { formatProgress } from '../../../src/cli/progress.js';
import { formatBoard, withProgressBoard } from '../../../src/cli/progress-board.js';

const MB = 1024 * 1024;
const event = (label: string, received: number, total: number | undefined, done = false): ProgressEvent => ({ label, received: received * MB, total: total === undefined ? undefined : total * MB, done });

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const stream = { isTTY, columns: 80, text: '', write: (chunk: string) => ((stream.text += chunk), true) };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

function fakeContext(stream: { write(chunk: string): unknown }): AppContext {
  return { log: (line: string) => stream.write(`${line}\n`), progress: () => {} } as unknown as AppContext;
}

describe('formatBoard', () => {
  it('shows a single download exactly as the one-download line does', () => {
    const one = event('rg.tar.gz', 1, 2);
    assert.equal(formatBoard([one]), formatProgress(one));
  });

  it('sums several downloads and lists each with its share', () => {
    assert.equal(formatBoard([event('rg.tar.gz', 1, 4), event('fd.tar.gz', 3, 4)]), '  2 downloads  4.0/8.0 MB  rg.tar.gz 25% · fd.tar.gz 75%');
    assert.equal(formatBoard([event('a', 1, undefined), event('b', 2, 4)]), '  2 downloads  3.0 MB  a 1.0 MB · b 50%');
  });

  it('shortens long asset names and stops at the terminal width', () => {
    const line = formatBoard(Array.from({ length: 6 }, (_, i) => event(`ripgrep-14.1.${i}-x86_64-unknown-linux-musl.tar.gz`, 1, 2)), 80);
    assert.ok(line.length <= 80, line);
    assert.match(line, /^  6 downloads  6\.0\/12\.0 MB  ripgrep-14\.1\.0-x8… 50% · .* …$/);
  });
});

describe('withProgressBoard', () => {
  it('off a terminal writes the log lines only, whole, and no progress', () => {
    const stream = fakeStream(false);
    const board = withProgressBoard(fakeContext(stream), stream);
    board.ctx.progress(event('a', 1, 2));
    board.ctx.log('installing a 1.0.0');
    board.ctx.progress(event('a', 2, 2, true));
    board.close();
    assert.equal(stream.text, 'installing a 1.0.0\n');
  });

  it('on a terminal clears the status line before a log line and redraws it after, so they never share a line', () => {
    const stream = fakeStream(true);
    const board = withProgressBoard(fakeContext(stream), stream, () => 0);
    board.ctx.progress(event('a', 1, 2));
    board.ctx.progress(event('b', 1, 4));
    stream.text = '';
    board.ctx.log('installing c 1.0.0');
    assert.equal(stream.text, `\r\x1b[2Kinstalling c 1.0.0\n\r\x1b[2K${formatBoard([event('a', 1, 2), event('b', 1, 4)])}`);
  });

  it('redraws at most every 100 ms, but always for a new or finished download, and close clears the line', () => {
    let now = 0;
    const stream = fakeStream(true);
    const board = withProgressBoard(fakeContext(stream), stream, () => now);
    board.ctx.progress(event('a', 1, 4));
    const draws = () => stream.text.split('\r\x1b[2K').length - 1;
    assert.equal(draws(), 1);
    board.ctx.progress(event('a', 2, 4));
    assert.equal(draws(), 1, 'too soon');
    now = 100;
    board.ctx.progress(event('a', 3, 4));
    assert.equal(draws(), 2);
    board.ctx.progress(event('a', 4, 4, true));
    assert.equal(draws(), 3);
    assert.ok(stream.text.endsWith('\r\x1b[2K'), 'nothing in flight: the line is cleared');
    board.ctx.progress(event('b', 1, 4));
    board.close();
    assert.ok(stream.text.endsWith('\r\x1b[2K'));
  });
});
