import assert from 'node:assert/strict';
import { test } from 'node:test';
import { didYouMean, editDistance, suggestNames } from '../../../src/registries/did-you-mean.js';
import { rankOf } from '../../../src/registries/search-rank.js';
import { parseRegistrySources } from '../../../src/registries/sources.js';
import { isToolError } from '../../../src/core/errors.js';

const names = [
  { name: 'ripgrep', label: 'ripgrep (BurntSushi/ripgrep)' },
  { name: 'rg', label: 'ripgrep (BurntSushi/ripgrep)' },
  { name: 'fd', label: 'fd (sharkdp/fd)' },
  { name: 'lazygit', label: 'lazygit (jesseduffield/lazygit)' },
  { name: 'lazydocker', label: 'lazydocker (jesseduffield/lazydocker)' },
];

test('edit distance counts an adjacent swap as one edit', () => {
  assert.equal(editDistance('ripgrep', 'rigprep'), 1);
  assert.equal(editDistance('ripgrep', 'rgiprep'), 2);
  assert.equal(editDistance('ripgrep', 'ripgerp'), 1);
  assert.equal(editDistance('ripgrap', 'ripgrep'), 1);
  assert.equal(editDistance('', 'abc'), 3);
});

test('a typo of a known name is suggested once, however many names lead to the same tool', () => {
  assert.deepEqual(suggestNames('ripgrap', names), ['ripgrep (BurntSushi/ripgrep)']);
  assert.equal(didYouMean(suggestNames('ripgrap', names)), 'Did you mean ripgrep (BurntSushi/ripgrep)?');
});

test('short names get no far-fetched suggestions, and an exact name is not a typo', () => {
  assert.deepEqual(suggestNames('xq', names), []);
  assert.deepEqual(suggestNames('ripgrep', names), []);
  assert.equal(didYouMean([]), undefined);
});

test('several close names are listed nearest first', () => {
  assert.equal(didYouMean(suggestNames('lazydoker', names)), 'Did you mean lazydocker (jesseduffield/lazydocker)?');
  assert.deepEqual(suggestNames('lazygi', names), ['lazygit (jesseduffield/lazygit)']);
});

test('search ranks an exact name before a prefix, a prefix before a description word, and forgives one typo', () => {
  const item = (name: string, description = '') => ({ name, short: name, exes: [], description });
  assert.equal(rankOf(item('lazygit'), ['lazygit']), 0);
  assert.equal(rankOf(item('lazygit'), ['lazy']), 1);
  assert.equal(rankOf(item('jq', 'json processor'), ['json']), 4);
  assert.equal(rankOf(item('lazydocker'), ['lazydoker']), 3);
  assert.equal(rankOf(item('fd'), ['json']), undefined);
});

test('TOOL_REGISTRIES: default order, pins, files, URLs, none, and a clear error for anything else', () => {
  assert.deepEqual(parseRegistrySources(undefined), [{ kind: 'builtin' }, { kind: 'aqua', ref: undefined }]);
  assert.deepEqual(parseRegistrySources('aqua@v4.300.0,builtin'), [{ kind: 'aqua', ref: 'v4.300.0' }, { kind: 'builtin' }]);
  assert.deepEqual(parseRegistrySources('/etc/tool/registry.yaml'), [{ kind: 'file', path: '/etc/tool/registry.yaml' }]);
  assert.deepEqual(parseRegistrySources('https://example.org/r.yaml'), [{ kind: 'url', url: 'https://example.org/r.yaml' }]);
  assert.deepEqual(parseRegistrySources('none'), []);
  assert.throws(() => parseRegistrySources('builtin,ftp://x'), (error) => isToolError(error, 'TOOL_BAD_SETTING') && /"ftp:\/\/x" is not a registry/.test(error.message));
});
