import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import type { MachineFacts } from '../../../src/replicate/conditions.js';
import { removeDeclaredEntry, setDeclaredComment, setDeclaredEntry } from '../../../src/replicate/declared-edit.js';

const linux: MachineFacts = { os: 'linux', arch: 'x64', libc: 'gnu', host: 'desk' };
const mac: MachineFacts = { os: 'darwin', arch: 'arm64', libc: undefined, host: 'laptop' };
const rg = ['ripgrep', 'rg', 'BurntSushi/ripgrep'] as const;
const kicad = ['kicad-cli'] as const;

const lines = (...all: string[]): string => `${all.join('\n')}\n`;

const example = lines(
  '# my tools',
  'yt-dlp latest          # needs same-day fixes',
  'BurntSushi/ripgrep 14',
  '',
  '[os=linux]',
  '  kicad-cli 8.0.4      # 8.0.5 breaks footprint export',
  '[os=darwin]',
  'kicad-cli 7.0.0',
);

describe('setDeclaredEntry', () => {
  it('rewrites only the matching line, keeping its comment and gap and every other byte', () => {
    const out = setDeclaredEntry(example, { aliases: ['yt-dlp'], name: 'yt-dlp', spec: '2099.01.01', facts: linux });
    assert.equal(out, example.replace('yt-dlp latest          #', 'yt-dlp 2099.01.01          #'));
  });

  it('finds the line through an alias and writes the given name', () => {
    const out = setDeclaredEntry(example, { aliases: rg, name: 'ripgrep', spec: '15', facts: linux });
    assert.equal(out, example.replace('BurntSushi/ripgrep 14\n', 'ripgrep 15\n'));
  });

  it('edits the conditional line that applies here, keeping its indentation, and leaves the other section alone', () => {
    const onLinux = setDeclaredEntry(example, { aliases: kicad, name: 'kicad-cli', spec: '8.0.6', facts: linux });
    assert.equal(onLinux, example.replace('  kicad-cli 8.0.4 ', '  kicad-cli 8.0.6 '));
    const onMac = setDeclaredEntry(example, { aliases: kicad, name: 'kicad-cli', spec: '8.0.6', facts: mac });
    assert.equal(onMac, example.replace('kicad-cli 7.0.0', 'kicad-cli 8.0.6'));
  });

  it('rewrites the later line when a section overrides the top-level one', () => {
    const text = lines('rg 13', '[os=linux]', 'rg 14');
    assert.equal(
      setDeclaredEntry(text, { aliases: rg, name: 'rg', spec: '15', facts: linux }),
      lines('rg 13', '[os=linux]', 'rg 15'),
    );
    assert.equal(setDeclaredEntry(text, { aliases: rg, name: 'rg', spec: '15', facts: mac }), lines('rg 15', '[os=linux]', 'rg 14'));
  });

  it('replaces the old comment with the reason, flattening newlines and allowing #', () => {
    const out = setDeclaredEntry(example, {
      aliases: ['yt-dlp'],
      name: 'yt-dlp',
      spec: '2099.01.01',
      reason: 'bug #42\r\nupstream\n',
      facts: linux,
    });
    assert.equal(out, example.replace('yt-dlp latest          # needs same-day fixes', 'yt-dlp 2099.01.01          # bug #42 upstream'));
  });

  it('adds a reason comment two spaces after a line that had none', () => {
    const out = setDeclaredEntry('jq 1.6\n', { aliases: ['jq'], name: 'jq', spec: '1.7', reason: 'held', facts: linux });
    assert.equal(out, 'jq 1.7  # held\n');
  });

  it('inserts a new line at the end of the top-level part, before the blank line and the first header', () => {
    const out = setDeclaredEntry(example, { aliases: ['fd'], name: 'fd', spec: '9', facts: linux });
    assert.equal(out, example.replace('BurntSushi/ripgrep 14\n', 'BurntSushi/ripgrep 14\nfd 9\n'));
  });

  it('inserts above comment lines that belong to the first header', () => {
    const text = lines('jq 1.7', '# linux only:', '[os=linux]', 'kicad-cli 8');
    const out = setDeclaredEntry(text, { aliases: ['fd'], name: 'fd', spec: '9', reason: 'new', facts: linux });
    assert.equal(out, lines('jq 1.7', 'fd 9  # new', '# linux only:', '[os=linux]', 'kicad-cli 8'));
  });

  it('inserts below a comment that opens the file and at the very top when the file starts with a header', () => {
    const opened = setDeclaredEntry(lines('# my tools', '[os=linux]', 'a 1'), { aliases: ['fd'], name: 'fd', spec: '9', facts: linux });
    assert.equal(opened, lines('# my tools', 'fd 9', '[os=linux]', 'a 1'));
    const bare = setDeclaredEntry(lines('[os=linux]', 'a 1'), { aliases: ['fd'], name: 'fd', spec: '9', facts: linux });
    assert.equal(bare, lines('fd 9', '[os=linux]', 'a 1'));
  });

  it('adds a top-level line when the tool is only declared for other machines', () => {
    const out = setDeclaredEntry(example, { aliases: kicad, name: 'kicad-cli', spec: '8', facts: { ...linux, os: 'windows' } });
    assert.equal(out, example.replace('BurntSushi/ripgrep 14\n', 'BurntSushi/ripgrep 14\nkicad-cli 8\n'));
  });

  it('appends at the end when there is no header, adding the missing final newline', () => {
    assert.equal(setDeclaredEntry('jq 1.7', { aliases: ['fd'], name: 'fd', spec: '9', facts: linux }), 'jq 1.7\nfd 9\n');
    assert.equal(setDeclaredEntry('', { aliases: ['fd'], name: 'fd', spec: '9', facts: linux }), 'fd 9\n');
  });

  it('keeps CRLF for the edited line, a new line and the last line', () => {
    const text = 'jq 1.6 # json\r\n\r\n[os=linux]\r\nrg 14';
    const edited = setDeclaredEntry(text, { aliases: rg, name: 'rg', spec: '15', facts: linux });
    assert.equal(edited, 'jq 1.6 # json\r\n\r\n[os=linux]\r\nrg 15\r\n');
    const added = setDeclaredEntry(edited, { aliases: ['fd'], name: 'fd', spec: '9', facts: linux });
    assert.equal(added, 'jq 1.6 # json\r\nfd 9\r\n\r\n[os=linux]\r\nrg 15\r\n');
  });

  it('throws TOOL_BAD_DECLARED_FILE naming the given path when the text does not parse', () => {
    assert.throws(
      () => setDeclaredEntry('[os=beos]\n', { aliases: ['fd'], name: 'fd', spec: '9', facts: linux, path: '/x/tools' }),
      (error: unknown) => isToolError(error, 'TOOL_BAD_DECLARED_FILE') && error.message.startsWith('/x/tools line 1: '),
    );
  });
});

describe('removeDeclaredEntry', () => {
  it('removes every applicable line naming the tool and leaves sections for other machines alone', () => {
    const text = lines('rg 13 # old', 'jq 1.7', '[os=linux]', 'ripgrep 14', '[os=darwin]', 'rg 12');
    assert.deepEqual(removeDeclaredEntry(text, { aliases: rg, facts: linux }), {
      text: lines('jq 1.7', '[os=linux]', '[os=darwin]', 'rg 12'),
      removed: 2,
    });
  });

  it('returns the text unchanged, byte for byte, when no applicable line names the tool', () => {
    const text = 'jq 1.7\r\n[os=darwin]\r\nrg 12';
    assert.deepEqual(removeDeclaredEntry(text, { aliases: rg, facts: linux }), { text, removed: 0 });
  });

  it('keeps CRLF and comments and returns empty text when nothing is left', () => {
    assert.deepEqual(removeDeclaredEntry('# keep\r\nrg 1\r\n', { aliases: rg, facts: linux }), { text: '# keep\r\n', removed: 1 });
    assert.deepEqual(removeDeclaredEntry('rg 1', { aliases: rg, facts: linux }), { text: '', removed: 1 });
  });
});

describe('setDeclaredComment', () => {
  it('replaces the comment of the applicable line, keeping the line and its gap', () => {
    const out = setDeclaredComment(example, { aliases: kicad, reason: 'footprints', facts: linux });
    assert.equal(out, example.replace('# 8.0.5 breaks footprint export', '# footprints'));
  });

  it('adds a comment to a line without one', () => {
    const out = setDeclaredComment(example, { aliases: kicad, reason: 'wait for 8', facts: mac });
    assert.equal(out, example.replace('kicad-cli 7.0.0', 'kicad-cli 7.0.0  # wait for 8'));
  });

  it('removes the comment when the reason is blank', () => {
    assert.equal(setDeclaredComment('rg 14   # old\n', { aliases: rg, reason: '  ', facts: linux }), 'rg 14\n');
  });

  it('returns the text unchanged when no applicable line names the tool', () => {
    const text = '[os=darwin]\r\nrg 12';
    assert.equal(setDeclaredComment(text, { aliases: rg, reason: 'x', facts: linux }), text);
  });
});
