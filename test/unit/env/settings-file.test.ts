import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import { parseSettingsFile, settingFor, settingsAll } from '../../../src/env/settings-file.js';

const PATH = '/home/me/.config/tool/settings';

function refused(text: string, pattern: RegExp): void {
  assert.throws(
    () => parseSettingsFile(text, PATH),
    (error: unknown) => {
      assert.ok(isToolError(error, 'TOOL_BAD_SETTING'), String(error));
      assert.equal(error.exitCode, 6);
      assert.match(error.toLine(), pattern);
      return true;
    },
  );
}

describe('the settings file', () => {
  const text = [
    '# fleet settings',
    'min-release-age = 3d   # a day for the CDN to settle',
    'url-rewrite = https://a.example/ -> https://b.example/',
    '',
    '[yt-dlp]',
    'min-release-age = 0',
    '[BurntSushi/ripgrep]',
    'attestations = warn',
    'url-rewrite = https://c.example/ -> https://d.example/',
  ];

  it('reads keys, values and sections with their line numbers', () => {
    const file = parseSettingsFile(text.slice(0, 8).join('\r\n'), PATH);
    assert.deepEqual(
      file.entries.map((entry) => [entry.key, entry.value, entry.tool, entry.line]),
      [
        ['min-release-age', '3d', undefined, 2],
        ['url-rewrite', 'https://a.example/ -> https://b.example/', undefined, 3],
        ['min-release-age', '0', 'yt-dlp', 6],
        ['attestations', 'warn', 'BurntSushi/ripgrep', 8],
      ],
    );
  });

  it('a tool section wins over the top level, under any of the tool\'s names', () => {
    const file = parseSettingsFile(text.slice(0, 8).join('\n'), PATH);
    assert.equal(settingFor(file, 'min-release-age', ['yt-dlp', 'yt-dlp/yt-dlp'])?.value, '0');
    assert.equal(settingFor(file, 'min-release-age', ['ripgrep', 'BurntSushi/ripgrep'])?.value, '3d');
    assert.equal(settingFor(file, 'min-release-age')?.value, '3d');
    assert.equal(settingFor(file, 'attestations', ['BurntSushi/ripgrep'])?.value, 'warn');
    assert.equal(settingFor(file, 'attestations', ['yt-dlp']), undefined);
    assert.equal(settingsAll(file, 'url-rewrite').length, 1);
  });

  it('refuses, naming the file and line: an unknown key, a global key in a tool section, a repeat, a line without "="', () => {
    refused('min-age = 3d', /settings line 1: unknown setting "min-age"\. Known settings: min-release-age/);
    refused(text.join('\n'), /settings line 9: "url-rewrite" applies to every tool, not to \[BurntSushi\/ripgrep\] alone/);
    refused('ca-file = /a\nca-file = /b', /settings line 2: "ca-file" is set again \(first on line 1\)/);
    refused('\n\nmin-release-age 3d', /settings line 3: "min-release-age 3d" has no "="/);
    refused('[not a tool]', /settings line 1: "\[not a tool\]" is not a tool section/);
  });

  it('lets a repeatable key repeat, and the same key stand once per section', () => {
    const file = parseSettingsFile('url-rewrite = a -> b\nurl-rewrite = c -> d\nmin-release-age = 1d\n[jq]\nmin-release-age = 0', PATH);
    assert.equal(settingsAll(file, 'url-rewrite').length, 2);
    assert.equal(settingFor(file, 'min-release-age', ['jq'])?.value, '0');
  });
});
