import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { colorEnabled, paintLogLine, painterFor } from '../../../src/cli/style.js';

const TTY = { isTTY: true };
const PIPE = { isTTY: false };
const ESC = '\x1b[';

describe('colorEnabled', () => {
  it('colours a terminal and not a pipe or file', () => {
    assert.equal(colorEnabled(TTY, {}), true);
    assert.equal(colorEnabled(PIPE, {}), false);
    assert.equal(colorEnabled({}, {}), false);
  });

  it('turns colour off for any non-empty NO_COLOR, even on a terminal, and an empty one is ignored', () => {
    assert.equal(colorEnabled(TTY, { NO_COLOR: '1' }), false);
    assert.equal(colorEnabled(TTY, { NO_COLOR: 'false' }), false, 'any value, as no-color.org says');
    assert.equal(colorEnabled(TTY, { NO_COLOR: '' }), true);
  });

  it('FORCE_COLOR colours a pipe unless it is 0 or false, and NO_COLOR still wins', () => {
    assert.equal(colorEnabled(PIPE, { FORCE_COLOR: '1' }), true);
    assert.equal(colorEnabled(PIPE, { FORCE_COLOR: '' }), true, 'set but empty counts, as in Node');
    assert.equal(colorEnabled(PIPE, { FORCE_COLOR: '0' }), false);
    assert.equal(colorEnabled(TTY, { FORCE_COLOR: 'false' }), true, 'FORCE_COLOR=false only stops forcing; a terminal still gets colour');
    assert.equal(colorEnabled(PIPE, { FORCE_COLOR: '1', NO_COLOR: '1' }), false);
  });

  it('a dumb terminal gets no colour', () => {
    assert.equal(colorEnabled(TTY, { TERM: 'dumb' }), false);
  });
});

describe('painterFor', () => {
  it('wraps text in SGR codes when colour is on and returns it unchanged when off', () => {
    assert.equal(painterFor(TTY, {})('error', 'tool:'), '\x1b[1m\x1b[31mtool:\x1b[39m\x1b[22m');
    assert.equal(painterFor(TTY, {})('version', '14.1.1'), '\x1b[32m14.1.1\x1b[39m');
    assert.equal(painterFor(PIPE, {})('error', 'tool:'), 'tool:');
    assert.equal(painterFor(TTY, { NO_COLOR: '1' })('warning', 'warning:'), 'warning:');
  });
});

describe('paintLogLine', () => {
  const paint = painterFor(TTY, {});

  it('colours only the prefix of a warning, note or interruption', () => {
    assert.equal(paintLogLine('warning: x.tar.gz is unverified', paint), `${paint('warning', 'warning:')} x.tar.gz is unverified`);
    assert.equal(paintLogLine('  note: no arm64 build', paint), `  ${paint('note', 'note:')} no arm64 build`);
    assert.equal(paintLogLine('interrupted: rg 1.0 was not installed', paint), `${paint('warning', 'interrupted:')} rg 1.0 was not installed`);
  });

  it('leaves other lines alone, including a "warning:" that is not at the start', () => {
    assert.equal(paintLogLine('installing rg 14.1.1', paint), 'installing rg 14.1.1');
    assert.equal(paintLogLine('shims: warning:x', paint), 'shims: warning:x');
    assert.ok(!paintLogLine('warning: off', painterFor(PIPE, {})).includes(ESC));
  });
});
