import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import { isOwnerRepo, parseToolRequest, versionEnvVar } from '../../../src/core/tool-ref.js';

function assertUsage(text: string, fragment: string): void {
  assert.throws(
    () => parseToolRequest(text),
    (error: unknown) => {
      assert.ok(isToolError(error, 'TOOL_USAGE'), `${text}: expected TOOL_USAGE, got ${String(error)}`);
      assert.ok(error.message.includes(fragment), `${error.message} should mention ${fragment}`);
      assert.ok(error.hint !== undefined && error.hint !== '', 'has a hint');
      return true;
    },
    text,
  );
}

describe('parseToolRequest', () => {
  it('reads a bare registry name without a spec', () => {
    assert.deepEqual(parseToolRequest('yt-dlp'), { name: 'yt-dlp', spec: undefined });
  });

  it('splits name and spec at the @', () => {
    assert.deepEqual(parseToolRequest('yt-dlp@2024.08.06'), { name: 'yt-dlp', spec: '2024.08.06' });
    assert.deepEqual(parseToolRequest('BurntSushi/ripgrep@14'), { name: 'BurntSushi/ripgrep', spec: '14' });
    assert.deepEqual(parseToolRequest('rg@>=1.6 <2'), { name: 'rg', spec: '>=1.6 <2' });
  });

  it('accepts owner/repo without a spec', () => {
    assert.deepEqual(parseToolRequest('BurntSushi/ripgrep'), { name: 'BurntSushi/ripgrep', spec: undefined });
  });

  it('rejects names that are neither a plain name nor owner/repo', () => {
    for (const text of ['', '-rg', 'a b', '../x', 'a/b/c', '@14', 'owner/..', 'rg;rm']) assertUsage(text, `"${text}"`);
  });

  it('rejects an empty spec after @', () => {
    assertUsage('yt-dlp@', 'empty version');
  });
});

describe('isOwnerRepo', () => {
  it('accepts GitHub owner/repo names and rejects dot segments and paths', () => {
    assert.equal(isOwnerRepo('BurntSushi/ripgrep'), true);
    assert.equal(isOwnerRepo('yt-dlp/yt-dlp'), true);
    assert.equal(isOwnerRepo('owner/repo.js'), true);
    assert.equal(isOwnerRepo('owner/.'), false);
    assert.equal(isOwnerRepo('owner/..'), false);
    assert.equal(isOwnerRepo('ripgrep'), false);
    assert.equal(isOwnerRepo('-owner/repo'), false);
  });
});

describe('versionEnvVar', () => {
  it('upper-cases the name and turns every other character into _', () => {
    assert.equal(versionEnvVar('yt-dlp'), 'TOOL_YT_DLP_VERSION');
    assert.equal(versionEnvVar('BurntSushi/ripgrep'), 'TOOL_BURNTSUSHI_RIPGREP_VERSION');
    assert.equal(versionEnvVar('rg'), 'TOOL_RG_VERSION');
    assert.equal(versionEnvVar('a.b'), 'TOOL_A_B_VERSION');
  });
});
