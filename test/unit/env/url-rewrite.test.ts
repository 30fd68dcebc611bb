/** url-rewrite rules: both forms, first match wins, and every refusal names the settings line. Pure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import { parseSettingsFile } from '../../../src/env/settings-file.js';
import { readRewriteRules, rewriteUrl } from '../../../src/env/url-rewrite.js';

const PATH = '/home/me/.config/tool/settings';
const rules = (...lines: string[]) => readRewriteRules(parseSettingsFile(lines.map((line) => `url-rewrite = ${line}`).join('\n'), PATH));
const DOWNLOAD = new URL('https://downloads.example/BurntSushi/ripgrep/releases/download/14.1.1/rg.tar.gz');

describe('url-rewrite', () => {
  it('replaces a prefix', () => {
    const result = rewriteUrl(DOWNLOAD, rules('https://downloads.example/ -> https://nexus.example/repository/github/'));
    assert.equal(result?.url.href, 'https://nexus.example/repository/github/BurntSushi/ripgrep/releases/download/14.1.1/rg.tar.gz');
    assert.equal(result?.rule.where, `${PATH} line 1`);
  });

  it('replaces a pattern match with its groups', () => {
    const result = rewriteUrl(DOWNLOAD, rules('~^https://downloads\\.example/([^/]+)/([^/]+)/releases/download/(.*)$ -> https://mirror.example/$1/$2/$3'));
    assert.equal(result?.url.href, 'https://mirror.example/BurntSushi/ripgrep/14.1.1/rg.tar.gz');
  });

  it('takes the first rule that matches, and leaves unmatched URLs alone', () => {
    const list = rules('https://other.example/ -> https://a.example/', 'https://downloads.example/BurntSushi/ -> https://b.example/', 'https://downloads.example/ -> https://c.example/');
    assert.equal(rewriteUrl(DOWNLOAD, list)?.url.host, 'b.example');
    assert.equal(rewriteUrl(new URL('https://example.org/x'), list), undefined);
  });

  const refusals: Array<[string, RegExp]> = [
    ['https://downloads.example/ https://m.example/', /line 1: url-rewrite .* has no " -> "/],
    ['~ -> https://m.example/', /needs something on both sides/],
    ['downloads.example/ -> https://m.example/', /prefix "downloads.example\/" is not the start of an http\(s\) URL/],
    ['https://downloads.example/ -> http://m.example/', /target "http:\/\/m.example\/" is not an https URL/],
    ['~([ -> https://m.example/', /pattern \(\[ is not a regular expression/],
  ];
  for (const [line, pattern] of refusals) {
    it(`refuses "${line}" naming the file and line`, () => {
      assert.throws(() => rules(line), (error: unknown) => isToolError(error, 'TOOL_BAD_SETTING') && error.message.startsWith(`${PATH} line 1: `) && pattern.test(error.message));
    });
  }

  it('refuses a pattern rule that produces a non-https URL when it is used (exit 5), nothing fetched', () => {
    const list = rules('~^https://downloads\\.example/(.*)$ -> http://m.example/$1');
    assert.throws(() => rewriteUrl(DOWNLOAD, list), (error: unknown) => isToolError(error, 'TOOL_INSECURE_URL') && error.exitCode === 5 && /line 1\) turns .* into http:\/\/m\.example\//.test(error.message));
  });
});
