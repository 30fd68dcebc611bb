/**
 * Bad input and failures, end to end through the built CLI and its shims: an
 * unknown tool, a missing repo or tag, a spec nothing satisfies, a malformed
 * .tools, no asset for the platform, a checksum mismatch, a broken archive,
 * network failures, rate limits and server errors. Every one must end with one
 * line "tool: <what> . <remedy>" and no stack trace, and leave no partial
 * version, staging directory, lock or broken shim behind.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { makeTarGz } from '../support/archives.js';
import { addRipgrep, addYtDlp, ripgrepRelease } from '../support/catalog.js';
import { fixtureRelease } from '../support/fixture-tools.js';
import type { FakeRelease } from '../support/release-server.js';
import { CLI, createSandbox, type RunResult, type Sandbox } from '../support/sandbox.js';

/** The commands `tool --help` lists, aliases included ("list|ls"), so remedies can be checked against them. */
const COMMANDS = new Set(
  (/\nCommands:\n([\s\S]*)$/.exec(spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout)?.[1] ?? '')
    .split('\n')
    .flatMap((line) => /^ {2}([a-z|-]+)/.exec(line)?.[1]?.split('|') ?? []),
);
/** Progress lines that may precede the error line on stderr. */
const PROGRESS = /^(\[tool\] )?(installing \S+ \S+ \(.+\) for \S+|\S+ .+ is not installed; installing it now)$/;

/** Asserts a clean failure and returns its one error line. */
function errorLine(result: RunResult): string {
  assert.notEqual(result.code, 0, `expected a failure, got exit 0; stdout: ${result.stdout}`);
  assert.equal(result.signal, null);
  assert.doesNotMatch(result.stderr, /\n\s+at /, `no stack trace:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /internal error/, result.stderr);
  assert.ok(result.stderr.endsWith('\n'), `stderr ends with a newline: ${JSON.stringify(result.stderr)}`);
  const lines = result.stderr.slice(0, -1).split('\n').filter((line) => !PROGRESS.test(line));
  assert.equal(lines.length, 1, `exactly one error line on stderr, got:\n${result.stderr}`);
  const line = lines[0]!;
  assert.match(line, /^tool: \S/);
  assert.match(line, /\.\s+[A-Z`(]/, `the message is followed by a remedy: ${line}`);
  assert.ok(COMMANDS.has('add'), 'the command list was read from tool --help');
  for (const [, command] of line.matchAll(/`tool ([a-z][a-z-]*)/g)) {
    assert.ok(COMMANDS.has(command!), `the remedy names a command that exists, not \`tool ${command}\`: ${line}`);
  }
  return line;
}

function listOrEmpty(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** No staging directory, no lock, and no directory for the version that failed. */
function assertNothingLeftBehind(box: Sandbox, failed?: { tool: string; version: string }): void {
  assert.deepEqual(listOrEmpty(join(box.home, 'tmp')), [], 'TOOL_HOME/tmp is empty');
  assert.deepEqual(listOrEmpty(join(box.home, 'locks')).filter((name) => name.endsWith('.lock')), [], 'no lock is left');
  if (failed) {
    const dir = join(box.home, 'store', failed.tool.replace('/', '__'), failed.version);
    assert.ok(!existsSync(dir), `no directory for the failed version: ${dir}`);
  }
}

/** Every shim on disk still runs, and the given ones print what they printed before. */
async function assertShimsRun(box: Sandbox, expected: Record<string, string>): Promise<void> {
  for (const exe of listOrEmpty(box.shims)) {
    const result = await box.sh(`${exe} --version`);
    assert.equal(result.code, 0, `shim ${exe} still runs: ${result.stderr}`);
    if (expected[exe] !== undefined) assert.equal(result.stdout, expected[exe]);
  }
  for (const exe of Object.keys(expected)) assert.ok(existsSync(join(box.shims, exe)), `shim ${exe} still exists`);
}

function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/** acme/widget: one linux tar.gz per release, verified by its GitHub digest. */
function widgetRelease(version: string, options: { digest?: string; assets?: string[] } = {}): FakeRelease {
  const names = options.assets ?? [`widget_${version}_linux_amd64.tar.gz`];
  const release = fixtureRelease({
    tag: `v${version}`,
    exeName: 'widget',
    version,
    assets: names.map((name) => ({ name, format: 'tar.gz' as const })),
  });
  if (options.digest === undefined) return release;
  return { ...release, assets: release.assets.map((asset) => ({ ...asset, digest: options.digest })) };
}

const RG_1411 = { rg: 'ripgrep 14.1.1\n' };

describe('bad input: unknown tools, missing repos and tags, unsatisfiable specs', () => {
  let box: Sandbox;

  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.0.0', '14.1.1', '15.0.0');
    const result = await box.tool(['add', 'ripgrep@14.1.1']);
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => box.close());

  it('an unknown tool name fails naming it and suggesting owner/repo, without any request', async () => {
    box.server.clearRequests();
    const line = errorLine(await box.tool(['add', 'nosuchtool']));
    assert.match(line, /"nosuchtool" is unknown: not in any registry and not an added tool/);
    assert.match(line, /tool add OWNER\/nosuchtool/);
    assert.deepEqual(box.server.requests, []);
    assertNothingLeftBehind(box);
    await assertShimsRun(box, RG_1411);
  });

  it('every command that takes a tool rejects an unknown one with the same single line', async () => {
    for (const args of [['pin', 'nosuchtool@1.0.0'], ['run', 'nosuchtool'], ['which', 'nosuchtool'], ['remove', 'nosuchtool']]) {
      const line = errorLine(await box.tool(args));
      assert.match(line, /nosuchtool/, args.join(' '));
    }
    assertNothingLeftBehind(box);
  });

  it('a tool argument that is not a name fails as usage, naming what was typed', async () => {
    assert.match(errorLine(await box.tool(['add', 'rip grep'])), /"rip grep" is not a tool name/);
    assert.match(errorLine(await box.tool(['add', 'ripgrep@'])), /"ripgrep@" has an empty version.*ripgrep@<version>/);
    assert.match(errorLine(await box.tool(['add', 'ripgrep@banana'])), /"banana" is not a version spec\. Use an exact version/);
  });

  it('usage errors from the argument parser follow the same one-line "tool: " format', async () => {
    const unknown = await box.tool(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(errorLine(unknown), /frobnicate/);
    const missing = await box.tool(['add']);
    assert.equal(missing.code, 2);
    assert.match(errorLine(missing), /tool/);
  });

  it('a repository that does not exist (404) fails naming owner/repo and the URL', async () => {
    const line = errorLine(await box.tool(['add', 'nobody/nothing']));
    assert.match(line, /GitHub has no repository nobody\/nothing/);
    assert.match(line, /\/repos\/nobody\/nothing\/releases/);
    assert.match(line, /Check the owner\/repo spelling/);
    assertNothingLeftBehind(box);
    assert.ok(!existsSync(join(box.home, 'state/tools/nobody__nothing.json')), 'a failed add approves nothing');
    assert.ok(!existsSync(join(box.home, 'store/nobody__nothing')));
  });

  it('a tag that does not exist fails listing the nearest versions', async () => {
    const result = await box.tool(['add', 'ripgrep@14.9.9']);
    assert.equal(result.code, 3);
    const line = errorLine(result);
    assert.match(line, /no release of BurntSushi\/ripgrep matches "14\.9\.9"/);
    assert.match(line, /Nearest versions: .*15\.0\.0.*14\.1\.1/);
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '14.9.9' });
    await assertShimsRun(box, RG_1411);
  });

  it('a range no release satisfies fails listing the nearest versions', async () => {
    const line = errorLine(await box.tool(['add', 'ripgrep@^16']));
    assert.match(line, /no release of BurntSushi\/ripgrep matches "\^16"\. Nearest versions: 15\.0\.0, 14\.1\.1/);
    const prefix = errorLine(await box.tool(['add', 'ripgrep@12']));
    assert.match(prefix, /matches "12"\. Nearest versions: .*13\.0\.0/);
    assertNothingLeftBehind(box);
    await assertShimsRun(box, RG_1411);
    assert.match(errorLine(await box.tool(['run', 'rg@99.0.0', '--', '--version'])), /matches "99\.0\.0"\. Nearest versions/);
  });

  it('a shim whose pinned version does not exist fails with one line and keeps working elsewhere', async () => {
    const dir = box.dir('user/pinned-to-nothing');
    box.write('user/pinned-to-nothing/.tools', 'ripgrep 99.0.0\n');
    const result = await box.sh('rg --version', { cwd: dir });
    assert.equal(result.stdout, '');
    const line = errorLine(result);
    assert.match(line, /no release of BurntSushi\/ripgrep matches "99\.0\.0"\. Nearest versions/);
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '99.0.0' });
    await assertShimsRun(box, RG_1411);
    const fromEnv = await box.sh('TOOL_RIPGREP_VERSION=99.1.0 rg --version');
    assert.match(errorLine(fromEnv), /matches "99\.1\.0"/);
  });
});

describe('malformed .tools files', () => {
  let box: Sandbox;

  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '14.1.1', '15.0.0');
    addYtDlp(box.server, '2024.08.06');
    const result = await box.tool(['add', 'ripgrep@14.1.1']);
    assert.equal(result.code, 0, result.stderr);
    box.server.clearRequests();
  });
  after(() => box.close());

  async function install(name: string, text: string): Promise<{ line: string; file: string }> {
    const file = box.write(`user/${name}/.tools`, text);
    const result = await box.tool(['install'], { cwd: box.dir(`user/${name}`) });
    return { line: errorLine(result), file };
  }

  it('a line without a version names the file and line, explains the format, and downloads nothing', async () => {
    const { line, file } = await install('no-version', '# project tools\nripgrep 15.0.0\nyt-dlp\n');
    assert.ok(line.includes(`${file} line 3`), line);
    assert.match(line, /"yt-dlp" has no version; write "yt-dlp <version>"/);
    assert.match(line, /Each line is "<name> <spec>"/);
    assert.deepEqual(box.server.requests, [], 'the good line 2 was not installed either');
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '15.0.0' });
  });

  it('a spec that is not a version names the file and line', async () => {
    const { line, file } = await install('bad-spec', 'ripgrep 15.0.0\nyt-dlp >=banana\n');
    assert.ok(line.includes(`${file} line 2`), line);
    assert.match(line, /">=banana" is not a version spec\. Use an exact version/);
    assert.deepEqual(box.server.requests, []);
  });

  it('an unknown tool name names the file and line', async () => {
    const { line, file } = await install('unknown-tool', 'ripgrep 15.0.0\n\nnosuchtool 1.0.0 # typo?\n');
    assert.ok(line.includes(`${file} line 3`), line);
    assert.match(line, /"nosuchtool" is unknown: not in any registry and not an added tool/);
    assert.deepEqual(box.server.requests, []);
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '15.0.0' });
  });

  it('the shim reports a line without a version by file and line, and still works outside', async () => {
    const file = box.write('user/shim-no-version/.tools', 'ripgrep\n');
    const result = await box.sh('rg --version', { cwd: box.dir('user/shim-no-version') });
    const line = errorLine(result);
    assert.ok(line.includes(`${file} line 1`), line);
    assert.match(line, /"ripgrep" has no version/);
    await assertShimsRun(box, RG_1411);
  });

  it('the shim reports a bad spec by file and line', async () => {
    const file = box.write('user/shim-bad-spec/.tools', '# tools\n\nripgrep banana\n');
    const line = errorLine(await box.sh('rg --version', { cwd: box.dir('user/shim-bad-spec/sub') }));
    assert.ok(line.includes(`${file} line 3`), line);
    assert.match(line, /"banana" is not a version spec/);
    assert.deepEqual(box.server.requests, []);
    assertNothingLeftBehind(box);
    await assertShimsRun(box, RG_1411);
  });
});

describe('no release asset for this platform', () => {
  let box: Sandbox;

  before(async () => {
    box = await createSandbox();
    box.server.addRelease('acme/onlymac', widgetRelease('1.0.0', { assets: ['onlymac-1.0.0-darwin-arm64.tar.gz', 'onlymac-1.0.0-darwin-amd64.tar.gz', 'checksums.txt'] }));
    box.server.addRelease('acme/widget', widgetRelease('1.0.0'));
  });
  after(() => box.close());

  it('a release with only macOS assets fails on linux listing the candidates and how to choose one', async () => {
    box.server.clearRequests();
    const result = await box.tool(['add', 'acme/onlymac']);
    assert.equal(result.code, 3);
    const line = errorLine(result);
    assert.match(line, /fits linux-x64-gnu/);
    assert.match(line, /candidates: onlymac-1\.0\.0-darwin-amd64\.tar\.gz, onlymac-1\.0\.0-darwin-arm64\.tar\.gz\)/);
    assert.doesNotMatch(line, /checksums\.txt/, 'checksum files are not candidates');
    assert.match(line, /`tool add acme\/onlymac --asset '<glob>'`/, 'the remedy must be a command that works for this owner/repo');
    assert.deepEqual(box.server.requests.filter((r) => r.server !== 'api'), [], 'nothing was downloaded');
    assertNothingLeftBehind(box, { tool: 'acme/onlymac', version: '1.0.0' });
    assert.ok(!existsSync(join(box.home, 'state/tools/acme__onlymac.json')), 'a failed add approves nothing');
    assert.deepEqual(listOrEmpty(box.shims), []);
  });

  it('TOOL_OS=windows on a release with only linux assets lists the candidates', async () => {
    const line = errorLine(await box.tool(['add', 'acme/widget'], { env: { TOOL_OS: 'windows' } }));
    assert.match(line, /fits windows-x64 \(candidates: widget_1\.0\.0_linux_amd64\.tar\.gz\)/);
    assert.match(line, /--asset/);
    assertNothingLeftBehind(box, { tool: 'acme/widget', version: '1.0.0' });
    assert.deepEqual(listOrEmpty(box.shims), []);
  });

  it('an --asset glob that matches nothing says so and lists the candidates', async () => {
    const line = errorLine(await box.tool(['add', 'acme/widget', '--asset', '*arm64*']));
    assert.match(line, /--asset '\*arm64\*' matches no asset/);
    assert.match(line, /candidates: widget_1\.0\.0_linux_amd64\.tar\.gz/);
    assertNothingLeftBehind(box, { tool: 'acme/widget', version: '1.0.0' });
  });
});

describe('checksum mismatches and broken archives', () => {
  let box: Sandbox;

  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '14.1.1');
    box.server.addRelease('acme/widget', widgetRelease('1.0.0'));
    box.server.addRelease('acme/widget', widgetRelease('2.0.0', { digest: `sha256:${'0'.repeat(64)}` }));
    // ripgrep 14.2.0 whose "<asset>.sha256" file names a hash the asset does not have.
    const tampered = ripgrepRelease('14.2.0');
    const musl = 'ripgrep-14.2.0-x86_64-unknown-linux-musl.tar.gz';
    box.server.addRelease('BurntSushi/ripgrep', {
      ...tampered,
      assets: tampered.assets.map((asset) => (asset.name === `${musl}.sha256` ? { ...asset, body: Buffer.from(`${'f'.repeat(64)}  ${musl}\n`) } : asset)),
    });
    for (const args of [['add', 'ripgrep@14.1.1'], ['add', 'acme/widget@1.0.0']]) {
      const result = await box.tool(args);
      assert.equal(result.code, 0, result.stderr);
    }
  });
  after(() => box.close());

  it('an asset whose GitHub digest does not match fails naming the asset and both hashes, installing nothing', async () => {
    const result = await box.tool(['add', 'acme/widget@2.0.0']);
    assert.equal(result.code, 5);
    const line = errorLine(result);
    assert.match(line, /checksum mismatch for widget_2\.0\.0_linux_amd64\.tar\.gz of acme\/widget v2\.0\.0/);
    assert.match(line, new RegExp(`expected ${'0'.repeat(64)} \\(GitHub asset digest\\), got [0-9a-f]{64}`));
    assert.match(line, /Nothing was installed/);
    assertNothingLeftBehind(box, { tool: 'acme/widget', version: '2.0.0' });
    await assertShimsRun(box, { ...RG_1411, widget: 'widget 1.0.0\n' });
    assert.match((await box.tool(['which', 'widget'])).stdout, /acme__widget\/1\.0\.0\/bin\/widget/);
  });

  it('an asset that does not match its .sha256 file fails naming that file', async () => {
    const line = errorLine(await box.tool(['add', 'ripgrep@14.2.0']));
    const musl = 'ripgrep-14\\.2\\.0-x86_64-unknown-linux-musl\\.tar\\.gz';
    assert.match(line, new RegExp(`checksum mismatch for ${musl} of BurntSushi/ripgrep 14\\.2\\.0: expected f{64} \\(${musl}\\.sha256\\)`));
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '14.2.0' });
    await assertShimsRun(box, RG_1411);
  });

  it('a shim pinned to a tampered version fails every time and never runs it', async () => {
    const dir = box.dir('user/tampered');
    box.write('user/tampered/.tools', 'acme/widget 2.0.0\n');
    for (let i = 0; i < 2; i++) {
      const result = await box.sh('widget --version', { cwd: dir });
      assert.equal(result.stdout, '');
      assert.match(errorLine(result), /checksum mismatch for widget_2\.0\.0_linux_amd64\.tar\.gz/);
    }
    assertNothingLeftBehind(box, { tool: 'acme/widget', version: '2.0.0' });
    await assertShimsRun(box, { widget: 'widget 1.0.0\n' });
  });

  it('an archive with an entry escaping its directory fails and leaves nothing anywhere', async () => {
    const body = makeTarGz([
      { path: 'slip/', type: 'dir' },
      { path: 'slip/slip', body: '#!/bin/sh\necho slip\n', mode: 0o755 },
      { path: '../../../escaped', body: 'pwned\n' },
    ]);
    box.server.addRelease('acme/slip', { tag: 'v1.0.0', assets: [{ name: 'slip_1.0.0_linux_amd64.tar.gz', body }] });
    const line = errorLine(await box.tool(['add', 'acme/slip']));
    assert.match(line, /\.\.\/\.\.\/\.\.\/escaped/);
    assert.match(line, /slip_1\.0\.0_linux_amd64\.tar\.gz/);
    assertNothingLeftBehind(box, { tool: 'acme/slip', version: '1.0.0' });
    assert.ok(!existsSync(join(box.home, 'escaped')) && !existsSync(join(box.root, 'escaped')));
    assert.ok(!existsSync(join(box.home, 'state/tools/acme__slip.json')), 'a failed add approves nothing');
    await assertShimsRun(box, RG_1411);
  });

  it('a truncated archive fails naming the asset and leaves nothing behind', async () => {
    const whole = widgetRelease('3.0.0').assets[0]!.body;
    const body = whole.subarray(0, Math.floor(whole.length / 2));
    box.server.addRelease('acme/widget', { tag: 'v3.0.0', assets: [{ name: 'widget_3.0.0_linux_amd64.tar.gz', body, digest: `sha256:${sha256(body)}` }] });
    const line = errorLine(await box.tool(['add', 'acme/widget@3.0.0']));
    assert.match(line, /widget_3\.0\.0_linux_amd64\.tar\.gz/);
    assertNothingLeftBehind(box, { tool: 'acme/widget', version: '3.0.0' });
    await assertShimsRun(box, { widget: 'widget 1.0.0\n' });
  });
});

/** A fresh sandbox with ripgrep 13.0.0 installed and selected, and 14.1.1 on the server; requests cleared. */
async function networkBox(t: TestContext, env: Record<string, string> = {}): Promise<Sandbox> {
  const box = await createSandbox({ env });
  t.after(() => box.close());
  addRipgrep(box.server, '13.0.0', '14.1.1');
  const result = await box.tool(['add', 'ripgrep@13.0.0']);
  assert.equal(result.code, 0, result.stderr);
  box.server.clearRequests();
  return box;
}

const RG_1300 = { rg: 'ripgrep 13.0.0\n' };
const TAG_PATH = /^\/repos\/BurntSushi\/ripgrep\/releases\/tags\/v14\.1\.1$/;
const ASSET_PATH = /\/releases\/download\/14\.1\.1\/ripgrep-14\.1\.1-x86_64-unknown-linux-musl\.tar\.gz$/;

function attempts(box: Sandbox, path: RegExp): number {
  return box.server.requests.filter((r) => path.test(r.path)).length;
}

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('network failures, rate limits and server errors', () => {
  it('a connection reset by the API is retried 3 times, then fails naming the host', async (t) => {
    const box = await networkBox(t);
    box.server.fail({ match: TAG_PATH, reset: true, times: 4 });
    const result = await box.tool(['add', 'ripgrep@14.1.1']);
    assert.equal(result.code, 4);
    const line = errorLine(result);
    assert.ok(line.includes(`cannot reach ${box.server.apiUrl}`), line);
    assert.match(line, /Check the network connection/);
    assert.equal(attempts(box, TAG_PATH), 4);
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '14.1.1' });
    await assertShimsRun(box, RG_1300);
  });

  it('an API on a closed port fails naming TOOL_GITHUB_API_URL', async (t) => {
    const box = await networkBox(t);
    const url = `http://127.0.0.1:${await closedPort()}`;
    const line = errorLine(await box.tool(['add', 'ripgrep@14.1.1'], { env: { TOOL_GITHUB_API_URL: url } }));
    assert.ok(line.includes(`cannot reach ${url}`), line);
    assert.match(line, /ECONNREFUSED/);
    assert.match(line, /TOOL_GITHUB_API_URL/);
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '14.1.1' });
    await assertShimsRun(box, RG_1300);
  });

  it('a download reset mid-install is retried, then fails with the staging directory removed', async (t) => {
    const box = await networkBox(t);
    box.server.fail({ match: ASSET_PATH, reset: true, times: 4 });
    const result = await box.tool(['add', 'ripgrep@14.1.1']);
    const line = errorLine(result);
    assert.match(result.stderr, /^installing ripgrep 14\.1\.1/, 'the failure came after the install started');
    assert.match(line, /cannot reach http:\/\/localhost:\d+/);
    assert.equal(attempts(box, ASSET_PATH), 4);
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '14.1.1' });
    await assertShimsRun(box, RG_1300);
  });

  it('server errors from the API are retried 3 times, then fail clearly', async (t) => {
    const box = await networkBox(t);
    box.server.fail({ match: TAG_PATH, status: 503, times: 4 });
    const result = await box.tool(['add', 'ripgrep@14.1.1']);
    assert.equal(result.code, 4);
    const line = errorLine(result);
    assert.match(line, /\/repos\/BurntSushi\/ripgrep\/releases\/tags\/v14\.1\.1 answered 503 .*after retries/);
    assert.match(line, /try again later/);
    assert.equal(attempts(box, TAG_PATH), 4);
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '14.1.1' });
    await assertShimsRun(box, RG_1300);
  });

  it('server errors on the asset download are retried 3 times, then fail naming the asset', async (t) => {
    const box = await networkBox(t);
    box.server.fail({ match: ASSET_PATH, status: 500, times: 4 });
    const line = errorLine(await box.tool(['add', 'ripgrep@14.1.1']));
    assert.match(line, /ripgrep-14\.1\.1-x86_64-unknown-linux-musl\.tar\.gz answered 500/);
    assert.equal(attempts(box, ASSET_PATH), 4);
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '14.1.1' });
    await assertShimsRun(box, RG_1300);
  });

  it('server errors that stop within the retries do not fail the install', async (t) => {
    const box = await networkBox(t);
    box.server.fail({ match: TAG_PATH, status: 502, times: 3 });
    box.server.fail({ match: ASSET_PATH, status: 504, times: 3 });
    const result = await box.tool(['add', 'ripgrep@14.1.1']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(attempts(box, TAG_PATH), 4);
    assert.equal(attempts(box, ASSET_PATH), 4);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
    assertNothingLeftBehind(box);
  });

  it('retries back off: the waits double from TOOL_HTTP_RETRY_DELAY_MS', async (t) => {
    const box = await networkBox(t);
    box.server.fail({ match: TAG_PATH, status: 503, times: 4 });
    const started = Date.now();
    errorLine(await box.tool(['add', 'ripgrep@14.1.1'], { env: { TOOL_HTTP_RETRY_DELAY_MS: '150' } }));
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 150 + 300 + 600, `150 + 300 + 600 ms of backoff, took ${elapsed} ms`);
    assert.equal(attempts(box, TAG_PATH), 4);
  });

  it('TOOL_HTTP_RETRIES=0 makes one attempt only', async (t) => {
    const box = await networkBox(t);
    box.server.fail({ match: TAG_PATH, status: 503, times: 1 });
    errorLine(await box.tool(['add', 'ripgrep@14.1.1'], { env: { TOOL_HTTP_RETRIES: '0' } }));
    assert.equal(attempts(box, TAG_PATH), 1);
  });

  it('the rate limit (403) is not retried and says when it resets and that a token raises it', async (t) => {
    const box = await networkBox(t);
    const reset = Math.floor(Date.now() / 1000) + 1800;
    box.server.fail({ match: TAG_PATH, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: '{"message":"API rate limit exceeded"}' });
    const result = await box.tool(['add', 'ripgrep@14.1.1']);
    assert.equal(result.code, 4);
    const line = errorLine(result);
    assert.match(line, /GitHub rate limit reached/);
    assert.ok(line.includes(new Date(reset * 1000).toISOString()), `names the reset time: ${line}`);
    assert.match(line, /in 30 min/);
    assert.match(line, /GITHUB_TOKEN/);
    assert.match(line, /raise the limit/);
    assert.equal(attempts(box, TAG_PATH), 1, 'retrying a rate limit only makes it worse');
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '14.1.1' });
    await assertShimsRun(box, RG_1300);
  });

  it('a secondary rate limit (429 with Retry-After) says how many seconds to wait', async (t) => {
    const box = await networkBox(t);
    box.server.fail({ match: TAG_PATH, status: 429, headers: { 'retry-after': '30' }, body: '{"message":"You have exceeded a secondary rate limit"}' });
    const line = errorLine(await box.tool(['add', 'ripgrep@14.1.1']));
    assert.match(line, /rate limit/);
    assert.match(line, /30 s/, `Retry-After is what to wait for, not the hourly reset: ${line}`);
    assert.equal(attempts(box, TAG_PATH), 1);
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '14.1.1' });
  });

  it('with a token, the rate limit message does not suggest setting one', async (t) => {
    const box = await networkBox(t, { GITHUB_TOKEN: 'ghp_e2eTokenValue123' });
    box.server.fail({ match: TAG_PATH, status: 403, headers: { 'x-ratelimit-remaining': '0' } });
    const line = errorLine(await box.tool(['add', 'ripgrep@14.1.1']));
    assert.match(line, /GitHub rate limit reached \(5000 requests\/hour\)/);
    assert.doesNotMatch(line, /set GITHUB_TOKEN/);
    assert.doesNotMatch(line, /ghp_e2eTokenValue123/);
  });

  it('a shim hitting the rate limit fails with one line and leaves the other selections working', async (t) => {
    const box = await networkBox(t);
    const dir = box.dir('user/rate-limited');
    box.write('user/rate-limited/.tools', 'ripgrep 14.1.1\n');
    box.server.fail({ match: TAG_PATH, status: 429, headers: { 'x-ratelimit-remaining': '0' } });
    const result = await box.sh('rg --version', { cwd: dir });
    assert.equal(result.stdout, '');
    assert.match(errorLine(result), /GitHub rate limit reached.*GITHUB_TOKEN/);
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '14.1.1' });
    await assertShimsRun(box, RG_1300);
    const retry = await box.sh('rg --version', { cwd: dir });
    assert.equal(retry.stdout, 'ripgrep 14.1.1\n', 'once the limit resets the shim installs and runs');
  });
});
