/**
 * `tool doctor` against real breakage, made here the way it happens to users:
 * a shim deleted or edited, an index link pointing elsewhere, a lock left by a
 * killed process, staging left by an interrupted install, an executable in the
 * store rewritten (root ignores read-only bits), a command earlier on PATH, an
 * unparseable .tools. Each is found with its fix line; --fix repairs the
 * derived ones, a second run is clean, and no user file changes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep, addYtDlp } from '../support/catalog.js';
import { CLI, createSandbox, type RunResult, type Sandbox } from '../support/sandbox.js';

interface JsonCheck {
  name: string;
  ok: boolean;
  summary: string;
  problems: { message: string; fix: string; fixable: boolean }[];
  notes: string[];
}

const CHECK_NAMES = ['path', 'shims', 'store', 'index', 'locks', 'project', 'network', 'github', 'self-updates'];
const tenMinutesAgo = () => new Date(Date.now() - 10 * 60_000);

function report(result: RunResult): { ok: boolean; checks: JsonCheck[]; fixed: string[] } {
  assert.equal(result.stderr, '');
  return JSON.parse(result.stdout);
}

function check(result: RunResult, name: string): JsonCheck {
  const found = report(result).checks.find((c) => c.name === name);
  assert.ok(found, `no check ${name} in ${result.stdout}`);
  return found;
}

/** The human output's problem line containing `text`, and the fix line under it. */
function problemAndFix(result: RunResult, text: string): [string, string] {
  const lines = result.stdout.split('\n');
  const at = lines.findIndex((line) => line.startsWith('  - ') && line.includes(text));
  assert.ok(at >= 0, `no problem line with ${JSON.stringify(text)} in:\n${result.stdout}`);
  return [lines[at]!, lines[at + 1] ?? ''];
}

/** A pid that certainly ran on this host and no longer does. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid;
}

/** Keys and value types, an array as the union of its elements' shapes: what a consumer of the JSON relies on. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [value.map(shapeOf).reduce(mergeShapes)] : [];
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
  return typeof value;
}

function mergeShapes(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === 0 ? b : b.length === 0 ? a : [mergeShapes(a[0], b[0])];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return Object.fromEntries(keys.map((key) => [key, mergeShapes((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])]));
  }
  return a === b ? a : `${String(a)}|${String(b)}`;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('tool doctor: derived state', () => {
  let box: Sandbox;
  let project: string;
  let userFiles: string[];
  const snapshot = () => userFiles.map((file) => `${file} ${existsSync(file) ? sha256(file) : 'absent'}`);

  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.1.1');
    addYtDlp(box.server, '2024.08.06');
    for (const args of [['add', 'ripgrep@13.0.0'], ['add', 'ripgrep@14.1.1'], ['add', 'yt-dlp']]) assert.equal((await box.tool(args)).code, 0);
    project = box.dir('user/project');
    box.write('user/project/.tools', 'ripgrep 14\n');
    assert.equal((await box.tool(['lock'], { cwd: project })).code, 0);
    const config = join(box.env.HOME!, '.config', 'tool');
    userFiles = [join(project, '.tools'), join(project, '.tools.lock'), join(config, 'tools'), join(config, 'tools.lock'), join(box.home, 'global.tools'),
      ...readdirSync(join(box.home, 'state', 'history')).map((name) => join(box.home, 'state', 'history', name)),
      join(box.home, 'store', 'ripgrep', '14.1.1', 'files', 'rg'), join(box.home, 'store', 'ripgrep', '14.1.1', 'manifest.json')];
  });
  after(() => box.close());

  it('finds nothing wrong in a healthy home, and says so for each check', async () => {
    const human = await box.tool(['doctor'], { cwd: project });
    assert.equal(human.code, 0, human.stdout);
    for (const name of CHECK_NAMES) assert.match(human.stdout, new RegExp(`^${name} +ok `, 'm'));
    assert.match(human.stdout, /\nno problems found\n$/);
    const json = report(await box.tool(['doctor', '--json'], { cwd: project }));
    assert.equal(json.ok, true);
    assert.deepEqual(json.checks.map((c) => c.name), CHECK_NAMES);
  });

  it('prints --json in the shape the README documents', async () => {
    box.write('user/project/.tools', 'ripgrep\n');
    unlinkSync(join(box.shims, 'rg'));
    const json = report(await box.tool(['doctor', '--fix', '--json'], { cwd: project, env: { TOOL_GITHUB_API_URL: 'http://127.0.0.1:1' } }));
    box.write('user/project/.tools', 'ripgrep 14\n');
    assert.deepEqual(json.fixed, ['rewrote the shims (rg, yt-dlp)']);
    const readme = readFileSync(join(dirname(CLI), '..', '..', 'README.md'), 'utf8');
    const documented = JSON.parse(/## tool doctor[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!);
    assert.deepEqual(shapeOf(json), shapeOf(documented));
  });

  it('finds each planted problem with its fix, repairs them with --fix, and a second run is clean', async () => {
    const wrongLink = join(box.home, 'index', 'ripgrep', '14');
    unlinkSync(wrongLink);
    symlinkSync(join('..', '..', 'store', 'ripgrep', '13.0.0'), wrongLink);
    // Real breakage: a pin of ripgrep 14 now runs 13.0.0 through the shim.
    assert.equal((await box.sh('TOOL_RIPGREP_VERSION=14 rg --version')).stdout, 'ripgrep 13.0.0\n');
    unlinkSync(join(box.shims, 'rg'));
    appendFileSync(join(box.shims, 'yt-dlp'), 'echo edited\n');
    const lock = box.dir('tool-home/locks/ripgrep.lock');
    writeFileSync(join(lock, 'owner'), JSON.stringify({ pid: deadPid(), host: hostname() }));
    const staging = box.dir('tool-home/tmp/ripgrep@14.1.1-deadbeef');
    box.write('tool-home/tmp/ripgrep@14.1.1-deadbeef/files/rg', 'half a download');
    utimesSync(staging, tenMinutesAgo(), tenMinutesAgo());
    const temp = box.write('tool-home/state/tools/ripgrep.json.4242.0badf00d.tmp', '{"id":');
    utimesSync(temp, tenMinutesAgo(), tenMinutesAgo());
    const lockedLink = join(box.home, 'locked', project, '.tools', 'ripgrep');
    unlinkSync(lockedLink);
    symlinkSync(join(box.home, 'store', 'ripgrep', '9.9.9'), lockedLink);
    const before = snapshot();

    const found = await box.tool(['doctor'], { cwd: project });
    assert.equal(found.code, 1);
    const expected = [
      'shim rg is missing (ripgrep exposes it)',
      'shim yt-dlp differs from what tool writes for it',
      'index of ripgrep disagrees with the store: 14 leads to ../../store/ripgrep/13.0.0 instead of ../../store/ripgrep/14.1.1',
      `lock ${lock} was taken by process`,
      `${staging} is staging of an interrupted install or removal of ripgrep`,
      `${temp} is the temporary file of an interrupted write`,
      `locked index link ${lockedLink} dangles: the version it leads to is gone`,
    ];
    for (const text of expected) assert.equal(problemAndFix(found, text)[1], '    fix: `tool doctor --fix`');
    assert.match(found.stdout, /\n7 problems found; `tool doctor --fix` repairs them \(derived state only\)\n$/);

    const fixed = await box.tool(['doctor', '--fix'], { cwd: project });
    assert.equal(fixed.code, 0, fixed.stdout);
    assert.match(fixed.stdout, /^fixed:\n/);
    for (const line of [`removed the stale lock ${lock}`, `removed ${staging}`, `removed ${temp}`, `removed ${lockedLink}`, 'rebuilt the index of ripgrep', 'rewrote the shims (rg, yt-dlp)']) assert.ok(fixed.stdout.includes(`  ${line}\n`), `${line} missing from\n${fixed.stdout}`);
    assert.match(fixed.stdout, /\nno problems found\n$/);

    const again = await box.tool(['doctor', '--json'], { cwd: project });
    assert.equal(again.code, 0);
    assert.equal(report(again).ok, true);
    assert.deepEqual(snapshot(), before, 'doctor --fix changed a user file or the store');
    assert.equal((await box.sh('TOOL_RIPGREP_VERSION=14 rg --version')).stdout, 'ripgrep 14.1.1\n');
    assert.equal((await box.sh('yt-dlp --version')).stdout, 'yt-dlp 2024.08.06\n');
    assert.equal(existsSync(lock), false);
  });

  it('finds a shim that lost its execute bits, and --fix restores them', async () => {
    chmodSync(join(box.shims, 'rg'), 0o644);
    const [, fix] = problemAndFix(await box.tool(['doctor']), 'shim rg is not executable');
    assert.equal(fix, '    fix: `tool doctor --fix`');
    assert.equal((await box.tool(['doctor', '--fix'])).code, 0);
    assert.equal(statSync(join(box.shims, 'rg')).mode & 0o777, 0o755);
  });
});

describe('tool doctor: problems only the user can fix', () => {
  let box: Sandbox;
  let project: string;
  const rg = () => join(box.home, 'store', 'ripgrep', '14.1.1', 'files', 'rg');

  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.1.1');
    for (const args of [['add', 'ripgrep@13.0.0'], ['add', 'ripgrep@14.1.1']]) assert.equal((await box.tool(args)).code, 0);
    project = box.dir('user/project');
  });
  after(() => box.close());

  it('names a command earlier on PATH that shadows a shim, and a PATH without the shims', async () => {
    const usrBin = box.dir('usr-bin');
    box.write('usr-bin/rg', '#!/bin/sh\necho system rg\n');
    chmodSync(join(usrBin, 'rg'), 0o755);
    const shadowed = await box.tool(['doctor'], { env: { PATH: `${usrBin}:${box.env.PATH}` } });
    assert.equal(shadowed.code, 1);
    const [problem, fix] = problemAndFix(shadowed, 'rg runs');
    assert.equal(problem, `  - rg runs ${usrBin}/rg, not the shim: ${usrBin} comes before ${box.shims} on PATH`);
    assert.equal(fix, `    fix: \`tool setup\`, or put ${box.shims} before ${usrBin} in PATH`);
    const missing = await box.tool(['doctor', '--json'], { env: { PATH: '/usr/bin:/bin' } });
    assert.equal(missing.code, 1);
    assert.deepEqual(check(missing, 'path').problems.map((p) => p.message), [`the shims directory ${box.shims} is not on PATH, so no shim runs`]);
  });

  it('reports an unparseable .tools and a lock that no longer covers it, and --fix leaves them alone', async () => {
    const tools = box.write('user/project/.tools', 'ripgrep\n');
    const found = await box.tool(['doctor'], { cwd: project });
    assert.equal(found.code, 1);
    assert.deepEqual(problemAndFix(found, tools), [
      `  - ${tools} line 1: "ripgrep" has no version; write "ripgrep <version>" (or "ripgrep latest")`,
      `    fix: edit line 1 of ${tools}: each line is "<name> <spec>", e.g. "ripgrep 14.1.0"; # starts a comment`,
    ]);
    const fixed = await box.tool(['doctor', '--fix'], { cwd: project });
    assert.equal(fixed.code, 1);
    assert.equal(readFileSync(tools, 'utf8'), 'ripgrep\n');

    box.write('user/project/.tools', 'ripgrep 14\n');
    assert.equal((await box.tool(['lock'], { cwd: project })).code, 0);
    box.write('user/project/.tools', 'ripgrep 13\n');
    const drift = await box.tool(['doctor'], { cwd: project });
    const [problem, fix] = problemAndFix(drift, 'asks for ripgrep 13');
    assert.equal(problem, `  - ${tools} line 1 asks for ripgrep 13, but ${tools}.lock locks 14.1.1`);
    assert.match(fix, /^ {4}fix: Run `tool lock` to update the lock/);
    const conflicted = readFileSync(`${tools}.lock`, 'utf8').replace('{', '{\n<<<<<<< HEAD');
    box.write('user/project/.tools.lock', conflicted);
    assert.deepEqual(problemAndFix(await box.tool(['doctor', '--fix'], { cwd: project }), 'not valid JSON')[1], `    fix: repair ${tools}.lock by hand (a merge conflict?), or delete it and run \`tool lock\``);
    assert.equal(readFileSync(`${tools}.lock`, 'utf8'), conflicted);
    rmSync(join(project, '.tools'));
    rmSync(join(project, '.tools.lock'));
  });

  it('catches an executable appended to after install, by default and with --deep, and --fix does not touch it', async () => {
    chmodSync(rg(), 0o755);
    appendFileSync(rg(), '#');
    for (const args of [['doctor'], ['doctor', '--deep'], ['doctor', '--fix']]) {
      const found = await box.tool(args);
      assert.equal(found.code, 1, args.join(' '));
      const [problem, fix] = problemAndFix(found, `executable ${rg()} changed after install`);
      assert.match(problem, /is 910 bytes, 909 when installed; is writable/);
      if (args.includes('--deep')) assert.match(problem, /has SHA-256 [0-9a-f]{64}, [0-9a-f]{64} when installed/);
      assert.equal(fix, '    fix: `tool rollback ripgrep --to 13.0.0` to leave it, then `tool remove ripgrep@14.1.1` and `tool add ripgrep@14.1.1` to install it again');
    }
    assert.match(readFileSync(rg(), 'utf8'), /#$/);
    const old = join(box.home, 'store', 'ripgrep', '13.0.0', 'files', 'rg');
    chmodSync(old, 0o755);
    appendFileSync(old, '#');
    const [, fix] = problemAndFix(await box.tool(['doctor']), `executable ${old} changed after install`);
    assert.equal(fix, '    fix: `tool remove ripgrep@13.0.0`; a pin that needs it installs it again on first use (`tool add ripgrep@13.0.0` to install it now)');
    // The fix lines are exact: following them leaves nothing to report.
    for (const line of ['rollback ripgrep --to 13.0.0', 'remove ripgrep@14.1.1', 'add ripgrep@14.1.1', 'remove ripgrep@13.0.0']) {
      const step = await box.tool(line.split(' '));
      assert.equal(step.code, 0, `${line}: ${step.stderr}`);
    }
    const clean = await box.tool(['doctor', '--deep']);
    assert.equal(clean.code, 0, clean.stdout);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
    for (const args of [['add', 'ripgrep@13.0.0'], ['add', 'ripgrep@14.1.1']]) assert.equal((await box.tool(args)).code, 0);
  });

  it('catches a same-size rewrite with mode and time restored only with --deep', async () => {
    const text = readFileSync(rg(), 'utf8');
    const { mtime } = statSync(rg());
    writeFileSync(rg(), text.replace('ripgrep', 'rIpgrep'));
    utimesSync(rg(), mtime, mtime);
    assert.equal((await box.tool(['doctor'])).code, 0, 'the fast check sees nothing it can see');
    const deep = await box.tool(['doctor', '--deep', '--json']);
    assert.equal(deep.code, 1);
    assert.deepEqual(check(deep, 'store').problems.map((p) => p.message), [
      `ripgrep 14.1.1: executable ${rg()} changed after install: has SHA-256 ${sha256(rg())}, ${JSON.parse(readFileSync(join(box.home, 'store/ripgrep/14.1.1/manifest.json'), 'utf8')).files['files/rg'].sha256} when installed`,
    ]);
    writeFileSync(rg(), text);
    utimesSync(rg(), mtime, mtime);
  });

  it('says a version installed before per-file hashes has none to compare, without failing', async () => {
    const versionDir = join(box.home, 'store', 'ripgrep', '13.0.0');
    const manifestFile = join(versionDir, 'manifest.json');
    const { files, ...older } = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    assert.ok(files);
    chmodSync(versionDir, 0o755);
    chmodSync(manifestFile, 0o644);
    writeFileSync(manifestFile, `${JSON.stringify(older, null, 2)}\n`);
    chmodSync(manifestFile, 0o444);
    chmodSync(versionDir, 0o555);
    const deep = await box.tool(['doctor', '--deep', '--json']);
    assert.equal(deep.code, 0, deep.stdout);
    assert.deepEqual(check(deep, 'store').notes, ['ripgrep 13.0.0: no per-file hashes recorded (installed before tool recorded them); its executables were checked by permissions and time only']);
  });
});

describe('tool doctor: GitHub and self-updates', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    addYtDlp(box.server, '2024.08.06', '2024.09.27');
    assert.equal((await box.tool(['add', 'yt-dlp@2024.08.06'])).code, 0);
    assert.equal((await box.tool(['add', 'yt-dlp@latest'])).code, 0);
  });
  after(() => box.close());

  it('reports the rate limit left, says which variable holds the token, and never prints it', async () => {
    const anonymous = check(await box.tool(['doctor', '--json']), 'github');
    assert.match(anonymous.summary, /^http:\/\/127\.0\.0\.1:\d+, no token \(GITHUB_TOKEN or GH_TOKEN\); \d+ of 60 API requests left this hour, reset /);
    const result = await box.tool(['doctor'], { env: { GH_TOKEN: 'ghp_doctor-secret' } });
    assert.match(result.stdout, /^github +ok +http:\/\/127\.0\.0\.1:\d+, token from GH_TOKEN \(not shown\); 5000 of 5000 API requests left/m);
    assert.ok(!result.stdout.includes('doctor-secret') && !result.stderr.includes('doctor-secret'));
    assert.equal(box.server.requests.filter((r) => r.path === '/rate_limit' && r.headers.authorization === 'Bearer ghp_doctor-secret').length, 1);
  });

  it('calls a used-up rate limit a problem with its fix, and offline one note', async () => {
    const reset = Math.floor(Date.now() / 1000) + 1800;
    box.server.fail({ match: /^\/rate_limit$/, status: 200, body: JSON.stringify({ resources: { core: { limit: 60, remaining: 0, used: 60, reset } } }) });
    const spent = await box.tool(['doctor']);
    assert.equal(spent.code, 1);
    const [, fix] = problemAndFix(spent, 'the GitHub API rate limit is used up: 0 of 60 requests left');
    assert.match(fix, /^ {4}fix: set GITHUB_TOKEN \(5,000 requests an hour instead of 60\), or wait until \S+ \(in (29|30) min\)$/);
    const offline = await box.tool(['doctor'], { env: { TOOL_GITHUB_API_URL: 'http://127.0.0.1:1' } });
    assert.equal(offline.code, 0, offline.stdout);
    assert.deepEqual(offline.stdout.split('\n').filter((line) => line.includes('offline')), ['  note: offline: cannot reach http://127.0.0.1:1: connection refused (ECONNREFUSED); the rate limit is unknown']);
  });

  it('finds a self-update not captured yet, and the command it names captures it', async () => {
    const live = join(box.home, 'live', 'yt-dlp', 'bin', 'yt-dlp');
    writeFileSync(live, '#!/bin/sh\necho "yt-dlp 2024.09.27"\n');
    const found = await box.tool(['doctor']);
    assert.equal(found.code, 1);
    const [problem, fix] = problemAndFix(found, 'yt-dlp updated itself');
    assert.equal(problem, `  - yt-dlp updated itself: ${live} no longer holds the bytes of 2024.09.27, and the new ones are not captured yet`);
    assert.equal(fix, '    fix: `tool list` (any tool command) captures them as a new store version, after which `tool rollback yt-dlp` can go back to 2024.09.27');
    assert.equal((await box.tool(['doctor', '--fix'])).code, 1, '--fix does not capture: that writes the store and the history');
    assert.equal((await box.tool(['list'])).code, 0);
    const after = await box.tool(['doctor']);
    assert.equal(after.code, 0, after.stdout);
  });
});
