import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameMatches, parseToolsFile, removeToolsEntry, setToolsEntry } from '../../../src/pins/tools-file.js';

const rgAliases = ['ripgrep', 'BurntSushi/ripgrep'] as const;

describe('parseToolsFile', () => {
  it('reads name and spec per line, skipping comments and blank lines, with 1-based line numbers', () => {
    const text = '# project tools\n\nripgrep 14.1.0\n  # indented comment\nyt-dlp 2024.08.06 # pinned for CI\n';
    assert.deepEqual(parseToolsFile(text, '/p/.tools'), {
      path: '/p/.tools',
      entries: [
        { name: 'ripgrep', spec: '14.1.0', line: 3 },
        { name: 'yt-dlp', spec: '2024.08.06', line: 5 },
      ],
      problems: [],
    });
  });

  it('strips CRLF line endings and splits on tabs', () => {
    const file = parseToolsFile('ripgrep\t14\r\n\r\nBurntSushi/ripgrep  latest\r\n', '.tools');
    assert.deepEqual(file.entries, [
      { name: 'ripgrep', spec: '14', line: 1 },
      { name: 'BurntSushi/ripgrep', spec: 'latest', line: 3 },
    ]);
    assert.deepEqual(file.problems, []);
  });

  it('joins a spec with internal blanks by single spaces', () => {
    const file = parseToolsFile('rg   >=1.6 \t  <2   # range\n', '.tools');
    assert.deepEqual(file.entries, [{ name: 'rg', spec: '>=1.6 <2', line: 1 }]);
  });

  it('cuts a comment that touches the spec', () => {
    assert.deepEqual(parseToolsFile('rg 14#note', '.tools').entries, [{ name: 'rg', spec: '14', line: 1 }]);
  });

  it('reports a name without a spec as a problem with its line, and keeps the other entries', () => {
    const file = parseToolsFile('rg 14\n\njq # no version\n', '.tools');
    assert.deepEqual(file.entries, [{ name: 'rg', spec: '14', line: 1 }]);
    assert.equal(file.problems.length, 1);
    const [problem] = file.problems;
    assert.equal(problem?.line, 3);
    assert.equal(problem?.name, 'jq');
    assert.match(problem?.message ?? '', /"jq" has no version/);
  });

  it('returns nothing for an empty file', () => {
    assert.deepEqual(parseToolsFile('', '.tools'), { path: '.tools', entries: [], problems: [] });
  });
});

describe('nameMatches', () => {
  it('matches any alias case-insensitively', () => {
    assert.equal(nameMatches('burntsushi/RIPGREP', rgAliases), true);
    assert.equal(nameMatches('Ripgrep', rgAliases), true);
    assert.equal(nameMatches('rg', rgAliases), false);
    assert.equal(nameMatches('ripgrep2', rgAliases), false);
  });
});

describe('setToolsEntry', () => {
  it('rewrites the first matching line, keeping its trailing comment and every other line in order', () => {
    const text = '# tools\njq 1.7.1\nripgrep 13.0.0   # pinned: bug 42\nyt-dlp latest\n';
    assert.equal(
      setToolsEntry(text, rgAliases, 'ripgrep', '14.1.0'),
      '# tools\njq 1.7.1\nripgrep 14.1.0 # pinned: bug 42\nyt-dlp latest\n',
    );
  });

  it('matches the line through an alias and writes the given name', () => {
    assert.equal(setToolsEntry('BurntSushi/ripgrep 13\n', rgAliases, 'ripgrep', '14'), 'ripgrep 14\n');
  });

  it('removes later lines naming the same tool', () => {
    const text = 'ripgrep 13\njq 1.7\nburntsushi/ripgrep 12 # old\nripgrep\n';
    assert.equal(setToolsEntry(text, rgAliases, 'ripgrep', '14'), 'ripgrep 14\njq 1.7\n');
  });

  it('appends a line when no line names the tool', () => {
    assert.equal(setToolsEntry('jq 1.7.1 # json\n', rgAliases, 'ripgrep', '14'), 'jq 1.7.1 # json\nripgrep 14\n');
    assert.equal(setToolsEntry('jq 1.7.1', rgAliases, 'ripgrep', '14'), 'jq 1.7.1\nripgrep 14\n');
    assert.equal(setToolsEntry('', rgAliases, 'ripgrep', '14'), 'ripgrep 14\n');
  });

  it('does not treat a commented-out line as naming the tool', () => {
    assert.equal(setToolsEntry('# ripgrep 13\n', rgAliases, 'ripgrep', '14'), '# ripgrep 13\nripgrep 14\n');
  });

  it('keeps CRLF line endings in a CRLF file', () => {
    const text = 'jq 1.7.1\r\nripgrep 13 # keep\r\nyt-dlp latest\r\n';
    assert.equal(setToolsEntry(text, rgAliases, 'ripgrep', '14'), 'jq 1.7.1\r\nripgrep 14 # keep\r\nyt-dlp latest\r\n');
  });
});

describe('removeToolsEntry', () => {
  it('removes every line naming the tool and keeps comments and other lines', () => {
    const text = '# tools\nripgrep 13\njq 1.7.1 # json\n\nBurntSushi/ripgrep 14\n';
    assert.equal(removeToolsEntry(text, rgAliases), '# tools\njq 1.7.1 # json\n\n');
  });

  it('returns empty text when nothing is left', () => {
    assert.equal(removeToolsEntry('ripgrep 14\n', rgAliases), '');
    assert.equal(removeToolsEntry('', rgAliases), '');
  });

  it('leaves text without the tool unchanged', () => {
    assert.equal(removeToolsEntry('jq 1.7.1\n', rgAliases), 'jq 1.7.1\n');
  });
});
