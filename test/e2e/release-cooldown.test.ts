/**
 * The release cooldown (min-release-age), through the built CLI and the shims,
 * with release ages set relative to now on the local release server: ripgrep
 * 14.1.1 is ten days old and 14.2.0 three hours old, so a 1d cooldown holds
 * 14.2.0 back wherever `tool` chooses by itself and never where the user typed it.
 */
import assert from 'node:assert/strict';
import { readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ripgrepRelease, ytDlpRelease } from '../support/catalog.js';
import type { FakeRelease } from '../support/release-server.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { selfUpdatingRelease } from '../support/self-updater.js';

const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const aged = (release: FakeRelease, hours: number): FakeRelease => ({ ...release, publishedAt: ago(hours) });
const SETTINGS = 'user/.config/tool/settings';

/** ripgrep 14.1.0 (20 d), 14.1.1 (10 d) and 14.2.0 (3 h) on the server. */
function serveRipgrep(box: Sandbox, versions: readonly string[] = ['14.1.0', '14.1.1', '14.2.0']): void {
  const hours: Record<string, number> = { '14.1.0': 480, '14.1.1': 240, '14.2.0': 3 };
  for (const version of versions) box.server.addRelease('BurntSushi/ripgrep', aged(ripgrepRelease(version), hours[version]!));
}

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, stderr);
  return lines[0]!;
}

describe('tool add under a global cooldown of 1d', () => {
  let box: Sandbox;
  let settings: string;
  before(async () => {
    box = await createSandbox();
    settings = box.write(SETTINGS, '# fleet settings\nmin-release-age = 1d\n');
    serveRipgrep(box);
  });
  after(() => box.close());

  it('installs the newest release old enough and says which newer one waits, and until when', async () => {
    const added = await box.tool(['add', 'ripgrep']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^installed: ripgrep 14\.1\.1 /m);
    assert.match(added.stderr, new RegExp(`^note: ripgrep 14\\.2\\.0 is 3 h old; eligible in 21 h \\(min-release-age 1d, ${settings} line 2\\); using 14\\.1\\.1$`, 'm'));
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
  });

  it('holds back within a range too, and --json carries what was held back', async () => {
    const added = await box.tool(['add', 'ripgrep@14', '--json']);
    assert.equal(added.code, 0, added.stderr);
    const json = JSON.parse(added.stdout) as { version: string; heldBack: { version: string; publishedAt: string; eligibleAt: string } | null };
    assert.equal(json.version, '14.1.1');
    assert.equal(json.heldBack?.version, '14.2.0');
    assert.equal(Date.parse(json.heldBack!.eligibleAt) - Date.parse(json.heldBack!.publishedAt), 86_400_000);
  });

  it('never holds back an exact version the user typed', async () => {
    const added = await box.tool(['add', 'ripgrep@14.2.0']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^installed: ripgrep 14\.2\.0 /m);
    assert.doesNotMatch(added.stderr, /eligible|held back/);
  });

  it('--min-age 0 lifts the cooldown for one run', async () => {
    const preview = await box.tool(['add', 'ripgrep', '--dry-run', '--json', '--min-age', '0']);
    assert.equal(preview.code, 0, preview.stderr);
    assert.equal((JSON.parse(preview.stdout) as { version: string }).version, '14.2.0');
    const again = await box.tool(['add', 'ripgrep', '--dry-run', '--json']);
    assert.equal((JSON.parse(again.stdout) as { version: string }).version, '14.1.1', 'the next run honours the settings again');
  });

  it('TOOL_MIN_RELEASE_AGE overrides the file, and nothing old enough is one line with exit 3', async () => {
    const none = await box.tool(['add', 'ripgrep@14', '--dry-run'], { env: { TOOL_MIN_RELEASE_AGE: '30d' } });
    assert.equal(none.code, 3);
    assert.equal(oneLine(none.stderr), 'tool: no release of ripgrep matching "14" is old enough: ripgrep 14.1.0 is 20 d old; eligible in 10 d (min-release-age 30d, TOOL_MIN_RELEASE_AGE). Wait until then, ask for an exact version (ripgrep@14.1.0) to take it now, or lower min-release-age (--min-age 0 for one command)');
    const off = await box.tool(['add', 'ripgrep', '--dry-run', '--json'], { env: { TOOL_MIN_RELEASE_AGE: '0' } });
    assert.equal((JSON.parse(off.stdout) as { version: string }).version, '14.2.0');
  });

  it('refuses a bad value in one line naming the file and line, exit 6', async () => {
    const dir = box.dir('other-config');
    box.write('other-config/settings', 'min-release-age = 1d\n[ripgrep]\nmin-release-age = soon\n');
    const bad = await box.tool(['add', 'ripgrep'], { env: { TOOL_CONFIG_DIR: dir } });
    assert.equal(bad.code, 6);
    assert.match(oneLine(bad.stderr), new RegExp(`^tool: ${dir}/settings line 3: min-release-age "soon" is not a duration\\. Write 0 \\(off\\), 30m, 12h, 3d or 2w\\.?$`));
    const usage = await box.tool(['add', 'ripgrep', '--min-age', 'tomorrow']);
    assert.equal(usage.code, 2);
    assert.match(oneLine(usage.stderr), /--min-age "tomorrow" is not a duration/);
  });
});

describe('update and outdated under a global cooldown of 1d', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    box.write(SETTINGS, 'min-release-age = 1d\n');
    serveRipgrep(box, ['14.1.0']);
    assert.equal((await box.tool(['add', 'ripgrep@14', '--auto-update', '1d'])).code, 0);
    serveRipgrep(box, ['14.1.1', '14.2.0']);
  });
  after(() => box.close());

  it('outdated counts only releases old enough and shows the held-back one as such', async () => {
    const text = await box.tool(['outdated', '--exit-code']);
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /^ripgrep\s+14\.1\.0\s+14\s+14\.1\.1\s+14\.1\.1\s+outdated; 14\.2\.0 held back until \d{4}-\d\d-\d\d \d\d:\d\dZ \(min-release-age 1d\)$/m);
    const json = await box.tool(['outdated', '--json']);
    const [row] = JSON.parse(json.stdout).tools as { wanted: string; latest: string; heldBack: { version: string; eligibleAt: string }; cooldown: { minReleaseAgeSeconds: number; setBy: string } }[];
    assert.equal(row!.wanted, '14.1.1');
    assert.equal(row!.latest, '14.1.1');
    assert.equal(row!.heldBack.version, '14.2.0');
    assert.equal(row!.cooldown.minReleaseAgeSeconds, 86400);
    assert.match(row!.cooldown.setBy, /settings line 1$/);
  });

  it('update moves to the newest release old enough and says what still waits', async () => {
    const updated = await box.tool(['update']);
    assert.equal(updated.code, 0, updated.stderr);
    assert.match(updated.stdout, /^ripgrep: 14\.1\.0 → 14\.1\.1; held back: ripgrep 14\.2\.0 is 3 h old; eligible in 21 h \(min-release-age 1d, .*settings line 1\)$/m);
    const again = await box.tool(['update']);
    assert.match(again.stdout, /^ripgrep: 14\.1\.1 is up to date; held back: ripgrep 14\.2\.0 is 3 h old/m);
  });

  it('a background check leaves a release younger than the cooldown alone, and logs why', async () => {
    utimesSync(join(box.home, 'state/auto/ripgrep'), new Date(0), new Date(0));
    assert.equal((await box.tool(['__auto-update', 'ripgrep'])).code, 0);
    assert.match(readFileSync(join(box.home, 'log/auto-update.log'), 'utf8'), /ripgrep: up to date \(14\.1\.1\); held back: ripgrep 14\.2\.0 is 3 h old; eligible in 21 h/);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
  });

  it('update --min-age 0 takes the newest release for this one run', async () => {
    const now = await box.tool(['update', '--min-age', '0']);
    assert.match(now.stdout, /^ripgrep: 14\.1\.1 → 14\.2\.0$/m);
  });
});

describe('pins and installs under a cooldown, and a tool opted out', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    box.write(SETTINGS, 'min-release-age = 1d\n[yt-dlp]\nmin-release-age = 0\n');
    box.server.addRelease('BurntSushi/ripgrep', aged(ripgrepRelease('13.0.0'), 720));
    serveRipgrep(box);
    box.server.addRelease('yt-dlp/yt-dlp', aged(ytDlpRelease('2024.08.06'), 240));
    box.server.addRelease('yt-dlp/yt-dlp', aged(ytDlpRelease('2024.09.27'), 2));
    assert.equal((await box.tool(['add', 'ripgrep@13.0.0'])).code, 0);
  });
  after(() => box.close());

  it('a .tools range pin run through the shim installs the newest release old enough', async () => {
    const project = box.dir('user/project');
    box.write('user/project/.tools', 'ripgrep 14\n');
    const run = await box.sh('rg --version', { cwd: project });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'ripgrep 14.1.1\n');
    assert.match(run.stderr, /ripgrep 14\.2\.0 is 3 h old; eligible in 21 h/);
  });

  it('tool install of a range whose every release is too young fails in one line, exit 3', async () => {
    const project = box.dir('user/fresh');
    box.write('user/fresh/.tools', 'ripgrep 14.2\n');
    const install = await box.tool(['install'], { cwd: project });
    assert.equal(install.code, 3, install.stderr);
    assert.match(oneLine(install.stderr), /^tool: no release of ripgrep matching "14\.2" is old enough: ripgrep 14\.2\.0 is 3 h old; eligible in 21 h \(min-release-age 1d, .*settings line 1\)/);
    const now = await box.tool(['install', '--min-age', '2h'], { cwd: project });
    assert.equal(now.code, 0, now.stderr);
    assert.match(now.stdout, /ripgrep 14\.2 → 14\.2\.0/);
  });

  it('the tool\'s own section overrides the top level', async () => {
    const added = await box.tool(['add', 'yt-dlp']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^installed: yt-dlp 2024\.09\.27 /m);
    assert.doesNotMatch(added.stderr, /eligible/);
  });
});

describe('tool sync resolving a declared range without a lock', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    box.write(SETTINGS, 'min-release-age = 1d\n');
    serveRipgrep(box);
  });
  after(() => box.close());

  it('installs the newest release old enough', async () => {
    box.write('user/.config/tool/tools', 'ripgrep ^14\n');
    const synced = await box.tool(['sync']);
    assert.equal(synced.code, 0, synced.stderr);
    assert.match(synced.stderr, /ripgrep 14\.2\.0 is 3 h old; eligible in 21 h/);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
  });
});

describe('tool add --min-age records the tool\'s own cooldown in the settings file', () => {
  let box: Sandbox;
  let settings: string;
  before(async () => {
    box = await createSandbox();
    settings = box.write(SETTINGS, '# fleet\nmin-release-age = 3d\n');
    serveRipgrep(box);
    box.server.addRelease('yt-dlp/yt-dlp', aged(ytDlpRelease('2024.08.06'), 240));
    box.server.addRelease('yt-dlp/yt-dlp', aged(ytDlpRelease('2024.09.27'), 2));
  });
  after(() => box.close());

  it('opts the fast mover out for every later command, and says where that is written', async () => {
    const added = await box.tool(['add', 'yt-dlp', '--min-age', '0']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^installed: yt-dlp 2024\.09\.27 /m);
    assert.match(added.stdout, new RegExp(`^release cooldown: min-release-age = 0 for yt-dlp from now on \\(${settings} line 5\\)$`, 'm'));
    assert.equal(readFileSync(settings, 'utf8'), '# fleet\nmin-release-age = 3d\n\n[yt-dlp]\nmin-release-age = 0\n');
    box.server.addRelease('yt-dlp/yt-dlp', aged(ytDlpRelease('2024.10.22'), 1));
    assert.equal((await box.tool(['add', 'ripgrep'])).code, 0);
    const updated = await box.tool(['update']);
    assert.equal(updated.code, 0, updated.stderr);
    assert.match(updated.stdout, /^yt-dlp: 2024\.09\.27 → 2024\.10\.22$/m);
    assert.match(updated.stdout, /^ripgrep: 14\.1\.1 is up to date; held back: ripgrep 14\.2\.0/m);
  });
});

describe('a self-update younger than the cooldown', () => {
  let box: Sandbox;
  let settings: string;
  const release = (version: string) =>
    selfUpdatingRelease({ name: 'yt-dlp', version, method: 'rename-dance', apiUrl: box.server.apiUrl, repo: 'yt-dlp/yt-dlp', asset: 'yt-dlp_linux', tag: version, checksumFile: 'SHA2-256SUMS' });
  before(async () => {
    box = await createSandbox();
    settings = box.write(SETTINGS, 'min-release-age = 1d\n');
    box.server.addRelease('yt-dlp/yt-dlp', aged(release('2024.07.01'), 240));
    assert.equal((await box.tool(['add', 'yt-dlp'])).code, 0);
    box.server.addRelease('yt-dlp/yt-dlp', aged(release('2024.08.06'), 3));
  });
  after(() => box.close());

  it('is captured as usual, the user\'s choice, and marked in the history and its --json', async () => {
    assert.equal((await box.sh('yt-dlp -U')).code, 0);
    const run = await box.sh('yt-dlp --version');
    assert.equal(run.stdout, 'yt-dlp 2024.08.06\n', run.stderr);
    const history = await box.tool(['history', 'yt-dlp']);
    assert.equal(history.code, 0, history.stderr);
    assert.match(history.stdout, /2024\.07\.01\s+2024\.08\.06\s+self-update/);
    assert.match(history.stdout, new RegExp(`^note: 2024\\.08\\.06 \\(self-update\\) was captured 3 h after its release, inside the release cooldown \\(min-release-age 1d, ${settings} line 1\\); eligible from \\d{4}-`, 'm'));
    const json = JSON.parse((await box.tool(['history', 'yt-dlp', '--json'])).stdout).entries as { to: string; youngerThanCooldown: { minReleaseAgeSeconds: number; setBy: string } | null }[];
    assert.equal(json.find((entry) => entry.to === '2024.07.01')?.youngerThanCooldown, null);
    assert.deepEqual(json.find((entry) => entry.to === '2024.08.06')?.youngerThanCooldown?.minReleaseAgeSeconds, 86400);
  });
});
