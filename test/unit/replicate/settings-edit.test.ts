/** Writing a tool's setting into the settings file as a person would: one line changes, every other byte stays. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSettingsFile } from '../../../src/env/settings-file.js';
import { withToolSetting } from '../../../src/replicate/settings-edit.js';

const ZERO = { section: 'yt-dlp', aliases: ['yt-dlp', 'yt-dlp/yt-dlp'], key: 'min-release-age', value: '0' };

describe('editing the settings file', () => {
  it('creates the file with the tool\'s section when there is none', () => {
    assert.deepEqual(withToolSetting('', ZERO), { text: '[yt-dlp]\nmin-release-age = 0\n', index: 1 });
  });

  it('appends a new section after the others, with a blank line before it', () => {
    const before = '# fleet\nmin-release-age = 3d\n[jq]\nmin-release-age = 1d\n';
    const after = withToolSetting(before, ZERO);
    assert.equal(after.text, `${before}\n[yt-dlp]\nmin-release-age = 0\n`);
    assert.equal(after.text.split('\n')[after.index], 'min-release-age = 0');
  });

  it('changes the value in the tool\'s own section in place, keeping its comment and the top level', () => {
    const before = 'min-release-age = 3d\n[YT-DLP/yt-dlp]   # fast mover\nmin-release-age = 2d  # was 3d\n[jq]\nmin-release-age = 1d\n';
    const after = withToolSetting(before, ZERO);
    assert.equal(after.text, 'min-release-age = 3d\n[YT-DLP/yt-dlp]   # fast mover\nmin-release-age = 0  # was 3d\n[jq]\nmin-release-age = 1d\n');
    assert.equal(after.index, 2);
  });

  it('adds the key to the tool\'s section when the section holds other keys', () => {
    const before = '[yt-dlp]\r\nattestations = warn\r\n';
    const after = withToolSetting(before, ZERO);
    assert.equal(after.text, '[yt-dlp]\r\nmin-release-age = 0\r\nattestations = warn\r\n', 'CRLF stays CRLF');
    assert.equal(parseSettingsFile(after.text, 'settings').entries.length, 2);
  });

  it('never touches the same key at the top level or in another tool\'s section', () => {
    const before = 'min-release-age = 3d\n[jq]\nmin-release-age = 1d\n[yt-dlp]\n';
    assert.equal(withToolSetting(before, ZERO).text, 'min-release-age = 3d\n[jq]\nmin-release-age = 1d\n[yt-dlp]\nmin-release-age = 0\n');
  });
});
