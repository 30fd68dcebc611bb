/** Where a tool's release cooldown comes from: its own section, then TOOL_MIN_RELEASE_AGE, then the top level. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import { minAgeOption, minReleaseAgeFor, parseMinAge } from '../../../src/env/min-release-age.js';
import { parseSettingsFile } from '../../../src/env/settings-file.js';
import type { Settings } from '../../../src/env/settings.js';

const PATH = '/home/me/.config/tool/settings';

function settings(text: string, env: NodeJS.ProcessEnv = {}): Settings {
  return { file: parseSettingsFile(text, PATH), env } as Settings;
}

const FILE = ['min-release-age = 3d', '[yt-dlp]', 'min-release-age = 0', '[BurntSushi/ripgrep]', 'min-release-age = 12h', ''].join('\n');

describe('the min-release-age setting', () => {
  it('reads 0 as off and durations in seconds', () => {
    assert.equal(parseMinAge('0'), 0);
    assert.equal(parseMinAge('0d'), 0);
    assert.equal(parseMinAge('30m'), 1800);
    assert.equal(parseMinAge(' 2w '), 14 * 86400);
    assert.equal(parseMinAge('soon'), undefined);
    assert.equal(parseMinAge('-1d'), undefined);
  });

  it('takes the tool\'s own section first, by any of its names and in any letter case', () => {
    assert.deepEqual(minReleaseAgeFor(settings(FILE), ['yt-dlp', 'yt-dlp/yt-dlp']), { seconds: 0, setBy: `${PATH} line 3` });
    assert.deepEqual(minReleaseAgeFor(settings(FILE), ['ripgrep', 'burntsushi/ripgrep', 'rg']), { seconds: 43200, setBy: `${PATH} line 5` });
  });

  it('lets TOOL_MIN_RELEASE_AGE override the top level but not a tool section', () => {
    const env = { TOOL_MIN_RELEASE_AGE: '1w' };
    assert.deepEqual(minReleaseAgeFor(settings(FILE, env), ['fd']), { seconds: 604800, setBy: 'TOOL_MIN_RELEASE_AGE' });
    assert.equal(minReleaseAgeFor(settings(FILE, env), ['yt-dlp'])?.seconds, 0);
    assert.deepEqual(minReleaseAgeFor(settings(FILE), ['fd']), { seconds: 259200, setBy: `${PATH} line 1` });
    assert.equal(minReleaseAgeFor(settings('', { TOOL_MIN_RELEASE_AGE: '' }), ['fd']), undefined, 'empty counts as unset');
  });

  it('is off when nothing sets it', () => {
    assert.equal(minReleaseAgeFor(settings(''), ['fd']), undefined);
  });

  it('refuses a bad value in one line naming the file and line (exit 6), wherever it stands', () => {
    assert.throws(
      () => minReleaseAgeFor(settings('[jq]\nmin-release-age = 3 days\n'), ['fd']),
      (error: unknown) => isToolError(error, 'TOOL_BAD_SETTING') && error.exitCode === 6 && /settings line 2: min-release-age "3 days" is not a duration/.test(error.toLine()),
    );
    assert.throws(
      () => minReleaseAgeFor(settings('', { TOOL_MIN_RELEASE_AGE: 'tomorrow' }), ['fd']),
      (error: unknown) => isToolError(error, 'TOOL_BAD_SETTING') && /TOOL_MIN_RELEASE_AGE="tomorrow"/.test(error.message),
    );
  });

  it('reads --min-age as a usage error when it is not a duration (exit 2)', () => {
    assert.deepEqual(minAgeOption('0'), { seconds: 0, setBy: '--min-age' });
    assert.throws(() => minAgeOption('x'), (error: unknown) => isToolError(error, 'TOOL_USAGE') && error.exitCode === 2);
  });
});
