import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import type { MachineFacts } from '../../../src/replicate/conditions.js';
import { entriesFor, mergeLocal, parseDeclaredFile, type DeclaredEntry } from '../../../src/replicate/declared-file.js';

const PATH = '/home/u/.config/tool/tools';

const example = [
  'yt-dlp latest          # needs same-day fixes',
  'BurntSushi/ripgrep 14',
  '[os=linux]',
  'kicad-cli 8.0.4        # 8.0.5 breaks footprint export',
  '[os=darwin arch=arm64]',
  'foo 1.2',
  '[host=laptop*,desk]',
  'bar latest',
  '[os!=windows]',
  'baz 2',
  '[*]',
  '# back to every machine',
  'qux 1',
  '',
].join('\n');

const linuxDesk: MachineFacts = { os: 'linux', arch: 'x64', libc: 'gnu', host: 'desk' };
const macLaptop: MachineFacts = { os: 'darwin', arch: 'arm64', libc: undefined, host: 'LAPTOP-7' };
const windowsPc: MachineFacts = { os: 'windows', arch: 'x64', libc: undefined, host: 'gaming' };

function names(entries: DeclaredEntry[]): string[] {
  return entries.map((entry) => `${entry.name} ${entry.spec}`);
}

/** Assert that parsing throws TOOL_BAD_DECLARED_FILE naming the path and the line. */
function assertBadLine(text: string, line: number, message: RegExp): void {
  assert.throws(
    () => parseDeclaredFile(text, PATH),
    (error: unknown) => {
      assert.ok(isToolError(error, 'TOOL_BAD_DECLARED_FILE'), String(error));
      assert.ok(error.message.startsWith(`${PATH} line ${line}: `), error.message);
      assert.match(error.message, message);
      assert.ok((error.hint ?? '').length > 0);
      return true;
    },
  );
}

describe('parseDeclaredFile', () => {
  it('reads entries with their line, path, comment and the text of their section header', () => {
    const file = parseDeclaredFile(example, PATH);
    const [first, , kicad, foo] = file.entries;
    assert.deepEqual(first && { ...first, when: undefined }, {
      name: 'yt-dlp',
      spec: 'latest',
      line: 1,
      path: PATH,
      comment: 'needs same-day fixes',
      condition: undefined,
      when: undefined,
    });
    assert.equal(kicad?.line, 4);
    assert.equal(kicad?.condition, 'os=linux');
    assert.equal(kicad?.comment, '8.0.5 breaks footprint export');
    assert.equal(foo?.condition, 'os=darwin arch=arm64');
    assert.deepEqual(
      file.sections.map((section) => section.line),
      [3, 5, 7, 9, 11],
    );
  });

  it('goes back to every machine after [*] and after []', () => {
    const file = parseDeclaredFile('[os=linux]\na 1\n[*]\nb 1\n[os=darwin]\nc 1\n[ ]\nd 1\n', PATH);
    assert.deepEqual(
      file.entries.map((entry) => [entry.name, entry.condition, entry.when.terms.length]),
      [
        ['a', 'os=linux', 1],
        ['b', undefined, 0],
        ['c', 'os=darwin', 1],
        ['d', undefined, 0],
      ],
    );
  });

  it('strips CR, splits on tabs, joins a multi-field spec with one space and accepts a header comment', () => {
    const file = parseDeclaredFile('rg\t>=13   <15 # range\r\n  [ os=linux ]  # linux only\r\n\r\njq 1.7\r\n', PATH);
    assert.deepEqual(
      file.entries.map((entry) => [entry.name, entry.spec, entry.line, entry.comment, entry.condition]),
      [
        ['rg', '>=13 <15', 1, 'range', undefined],
        ['jq', '1.7', 4, undefined, 'os=linux'],
      ],
    );
  });

  it('returns nothing for an empty file or one with only comments', () => {
    assert.deepEqual(parseDeclaredFile('', PATH), { path: PATH, entries: [], sections: [] });
    assert.deepEqual(parseDeclaredFile('# nothing yet\n\n', PATH).entries, []);
  });

  it('rejects a name without a version, naming the path and line', () => {
    assertBadLine('rg 14\n\njq   # json\n', 3, /"jq" has no version/);
  });

  it('rejects a header without its closing bracket', () => {
    assertBadLine('rg 14\n[os=linux\nfoo 1\n', 2, /no closing "]"/);
  });

  it('rejects a header whose closing bracket sits inside the comment', () => {
    assertBadLine('[os=linux # mine]\n', 1, /no closing "]"/);
  });

  it('rejects junk after a header', () => {
    assertBadLine('[os=linux] jq 1.7\n', 1, /unexpected "jq 1.7" after "]"/);
  });

  it('rejects an unknown key, an unknown value and an empty value with the line of the header', () => {
    assertBadLine('a 1\n\n[distro=arch]\n', 3, /unknown condition key "distro"/);
    assertBadLine('a 1\n[os=linux]\nb 1\n[os=plan9]\n', 4, /unknown os "plan9"/);
    assertBadLine('[arch=]\n', 1, /empty value/);
  });

  it('reports the first problem when there are several', () => {
    assertBadLine('ok 1\nbad\n[os=nope]\n', 2, /"bad" has no version/);
  });
});

describe('entriesFor', () => {
  it('keeps the entries whose section holds on a Linux desktop, in file order', () => {
    assert.deepEqual(names(entriesFor(parseDeclaredFile(example, PATH), linuxDesk)), [
      'yt-dlp latest',
      'BurntSushi/ripgrep 14',
      'kicad-cli 8.0.4',
      'bar latest',
      'baz 2',
      'qux 1',
    ]);
  });

  it('keeps the entries for an arm64 Mac whose host name matches a glob in another case', () => {
    assert.deepEqual(names(entriesFor(parseDeclaredFile(example, PATH), macLaptop)), [
      'yt-dlp latest',
      'BurntSushi/ripgrep 14',
      'foo 1.2',
      'bar latest',
      'baz 2',
      'qux 1',
    ]);
  });

  it('leaves out != sections on the machine they exclude', () => {
    assert.deepEqual(names(entriesFor(parseDeclaredFile(example, PATH), windowsPc)), [
      'yt-dlp latest',
      'BurntSushi/ripgrep 14',
      'qux 1',
    ]);
  });

  it('returns plain entries without the parsed condition', () => {
    const [entry] = entriesFor(parseDeclaredFile('rg 14\n', PATH), linuxDesk);
    assert.deepEqual(entry, { name: 'rg', spec: '14', line: 1, path: PATH, comment: undefined, condition: undefined });
  });

  it('lets a later applicable line for the same name win, case-insensitively, at its own position', () => {
    const text = 'yt-dlp latest\njq 1.7\n[os=linux]\nYT-DLP 2099.01.01 # linux pin\n[os=darwin]\nyt-dlp 1999.01.01\n';
    const linux = entriesFor(parseDeclaredFile(text, PATH), linuxDesk);
    assert.deepEqual(names(linux), ['jq 1.7', 'YT-DLP 2099.01.01']);
    assert.equal(linux[1]?.line, 4);
    const mac = entriesFor(parseDeclaredFile(text, PATH), macLaptop);
    assert.deepEqual(names(mac), ['jq 1.7', 'yt-dlp 1999.01.01']);
  });
});

describe('mergeLocal', () => {
  const keyOf = (name: string): string => {
    const lower = name.toLowerCase();
    return lower === 'rg' || lower === 'burntsushi/ripgrep' ? 'ripgrep' : lower;
  };
  const main = entriesFor(parseDeclaredFile('BurntSushi/ripgrep 14\njq 1.7\n', PATH), linuxDesk);

  it('replaces main entries with the same key and adds the other local entries', () => {
    const local = entriesFor(parseDeclaredFile('rg 13 # this box\nfd 9\n', `${PATH}.local`), linuxDesk);
    const merged = mergeLocal(main, local, keyOf);
    assert.deepEqual(names(merged), ['jq 1.7', 'rg 13', 'fd 9']);
    assert.equal(merged[1]?.path, `${PATH}.local`);
  });

  it('returns the main entries when there is no local file', () => {
    assert.deepEqual(mergeLocal(main, [], keyOf), main);
  });

  it('folds two main entries that name one tool two ways, keeping the later', () => {
    const twice = entriesFor(parseDeclaredFile('rg 13\njq 1.7\n[os=linux]\nripgrep 14\n', PATH), linuxDesk);
    assert.deepEqual(names(mergeLocal(twice, [], keyOf)), ['jq 1.7', 'ripgrep 14']);
  });
});
