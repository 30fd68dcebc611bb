/**
 * Security promises, end to end: the token (GITHUB_TOKEN or GH_TOKEN) goes to
 * the API host only, never to a host a request is redirected to; plain http is
 * accepted for loopback hosts only, checked before any connection; and nothing
 * installs from an owner/repo the user never approved with `tool add`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep, addYtDlp } from '../support/catalog.js';
import { fixtureRelease } from '../support/fixture-tools.js';
import type { FakeRelease, LoggedRequest } from '../support/release-server.js';
import { foreignAssetRelease } from '../support/foreign-release.js';
import { createSandbox, type RunResult, type Sandbox } from '../support/sandbox.js';

const PROGRESS = /^(\[tool\] )?(installing \S+ \S+ \(.+\) for \S+|\S+ .+ is not installed; installing it now)$/;

/** Asserts a clean failure (non-zero exit, one "tool: " line, no stack trace) and returns that line. */
function errorLine(result: RunResult): string {
  assert.notEqual(result.code, 0, `expected a failure, got exit 0; stdout: ${result.stdout}`);
  assert.doesNotMatch(result.stderr, /\n\s+at /, `no stack trace:\n${result.stderr}`);
  const lines = result.stderr.replace(/\n$/, '').split('\n').filter((line) => !PROGRESS.test(line));
  assert.equal(lines.length, 1, `exactly one error line on stderr, got:\n${result.stderr}`);
  assert.match(lines[0]!, /^tool: \S.*\.\s+[A-Z`(]/);
  return lines[0]!;
}

function listOrEmpty(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

function assertNothingLeftBehind(box: Sandbox, failed?: { tool: string; version: string }): void {
  assert.deepEqual(listOrEmpty(join(box.home, 'tmp')), [], 'TOOL_HOME/tmp is empty');
  assert.deepEqual(listOrEmpty(join(box.home, 'locks')).filter((name) => name.endsWith('.lock')), [], 'no lock is left');
  if (failed) assert.ok(!existsSync(join(box.home, 'store', failed.tool.replace('/', '__'), failed.version)));
}

function widgetRelease(version: string, exeName = 'widget'): FakeRelease {
  return fixtureRelease({
    tag: `v${version}`,
    exeName,
    version,
    assets: [{ name: `${exeName}_${version}_linux_amd64.tar.gz`, format: 'tar.gz' }],
  });
}

function byServer(requests: LoggedRequest[], server: LoggedRequest['server']): LoggedRequest[] {
  return requests.filter((r) => r.server === server);
}

/** Every file under dir, as absolute paths (symlinks are not followed). */
function walkFiles(dir: string): string[] {
  return listOrEmpty(dir).flatMap((name) => {
    const path = join(dir, name);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return [];
    return info.isDirectory() ? walkFiles(path) : [path];
  });
}

/**
 * A TCP listener on a non-loopback address of this machine, counting
 * connections, to prove that an insecure URL is refused before connecting.
 * Falls back to an unresolvable host where the machine has no such address.
 */
async function startTrap(): Promise<{ host: string; connections: () => number; close: () => Promise<void> }> {
  const address = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  if (!address) return { host: 'example.invalid', connections: () => 0, close: async () => {} };
  let count = 0;
  const server: Server = createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as { port: number };
  return { host: `${address}:${port}`, connections: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the token goes to the API host only', () => {
  const TOKEN = 'ghp_e2eSecretTokenValue0123456789';
  let box: Sandbox;

  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.0.0', '14.1.1');
    addYtDlp(box.server, '2024.08.06');
  });
  after(() => box.close());

  it('without a token no request carries an Authorization header', async () => {
    box.server.clearRequests();
    const result = await box.tool(['add', 'ripgrep@13.0.0']);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(box.server.requests.length > 0);
    assert.deepEqual(box.server.requests.filter((r) => r.headers.authorization !== undefined), []);
  });

  it('GITHUB_TOKEN is sent to every API request and to neither the download host nor the CDN', async () => {
    box.server.clearRequests();
    const result = await box.tool(['add', 'ripgrep@14.1.1'], { env: { GITHUB_TOKEN: TOKEN } });
    assert.equal(result.code, 0, result.stderr);
    const api = byServer(box.server.requests, 'api');
    assert.ok(api.length > 0);
    for (const request of api) assert.equal(request.headers.authorization, `Bearer ${TOKEN}`, request.path);
    const elsewhere = box.server.requests.filter((r) => r.server !== 'api');
    assert.ok(byServer(elsewhere, 'github').length > 0 && byServer(elsewhere, 'cdn').length > 0, 'the download left the API host');
    assert.deepEqual(elsewhere.filter((r) => r.headers.authorization !== undefined), []);
  });

  it('GH_TOKEN works the same way', async () => {
    box.server.clearRequests();
    const result = await box.tool(['add', 'yt-dlp'], { env: { GH_TOKEN: TOKEN } });
    assert.equal(result.code, 0, result.stderr);
    for (const request of byServer(box.server.requests, 'api')) assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
    assert.ok(byServer(box.server.requests, 'cdn').length > 0);
    assert.deepEqual(box.server.requests.filter((r) => r.server !== 'api' && r.headers.authorization !== undefined), []);
  });

  it('when the public download fails and the API asset URL is used, its CDN redirect carries no token', async () => {
    box.server.clearRequests();
    box.server.fail({ match: /\/releases\/download\/14\.0\.0\/ripgrep-14\.0\.0-x86_64-unknown-linux-musl\.tar\.gz$/, status: 404, body: 'Not Found' });
    const result = await box.tool(['add', 'ripgrep@14.0.0'], { env: { GITHUB_TOKEN: TOKEN } });
    assert.equal(result.code, 0, result.stderr);
    const viaApi = box.server.requests.filter((r) => /\/releases\/assets\/\d+$/.test(r.path));
    assert.equal(viaApi.length, 1, 'the asset came through the API');
    assert.equal(viaApi[0]!.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(viaApi[0]!.status, 302);
    const cdn = byServer(box.server.requests, 'cdn');
    assert.ok(cdn.length > 0);
    assert.deepEqual(cdn.filter((r) => r.headers.authorization !== undefined), []);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.0.0\n');
  });

  it('an API answer that redirects to another host is followed without the token', async () => {
    const githubHost = box.server.requests.find((r) => r.server === 'github')?.host;
    assert.ok(githubHost, 'an earlier download showed the download host');
    box.server.clearRequests();
    box.server.fail({ match: /^\/repos\/BurntSushi\/ripgrep\/releases\/tags\/v13\.0\.0$/, status: 301, headers: { location: `http://${githubHost}/moved/v13.0.0` }, body: '' });
    await box.tool(['remove', 'ripgrep@13.0.0']);
    const result = await box.tool(['run', 'rg@13.0.0', '--', '--version'], { env: { GITHUB_TOKEN: TOKEN } });
    assert.equal(result.code, 0, result.stderr);
    const moved = box.server.requests.filter((r) => r.path === '/moved/v13.0.0');
    assert.equal(moved.length, 1, 'the redirect was followed');
    assert.equal(moved[0]!.headers.authorization, undefined);
  });

  it('the token never appears in output or under TOOL_HOME, even when it is refused', async () => {
    box.server.fail({ match: /\/releases\/tags\/v9\.9\.9$/, status: 401, body: '{"message":"Bad credentials"}' });
    const result = await box.tool(['add', 'ripgrep@9.9.9'], { env: { GITHUB_TOKEN: TOKEN } });
    const line = errorLine(result);
    assert.match(line, /refused the token \(401\)/);
    assert.match(line, /GITHUB_TOKEN/);
    assert.ok(!`${result.stdout}${result.stderr}`.includes(TOKEN), 'the token is not printed');
    for (const file of walkFiles(box.home)) {
      assert.ok(!readFileSync(file).includes(TOKEN), `the token is not stored in ${file}`);
    }
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '9.9.9' });
  });
});

describe('plain http is accepted only for loopback hosts', () => {
  let box: Sandbox;
  let trap: Awaited<ReturnType<typeof startTrap>>;

  before(async () => {
    box = await createSandbox();
    trap = await startTrap();
    addRipgrep(box.server, '14.1.1');
    const result = await box.tool(['add', 'ripgrep@14.1.1']);
    assert.equal(result.code, 0, result.stderr);
  });
  after(async () => {
    await trap.close();
    await box.close();
  });

  it('TOOL_GITHUB_API_URL=http://example.com fails before any network use, saying https is required', async () => {
    box.server.clearRequests();
    const line = errorLine(await box.tool(['add', 'ripgrep@13.0.0'], { env: { TOOL_GITHUB_API_URL: 'http://example.com' } }));
    assert.match(line, /TOOL_GITHUB_API_URL http:\/\/example\.com\/ is not https/);
    assert.match(line, /Only https URLs are allowed/);
    assert.deepEqual(box.server.requests, []);
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '13.0.0' });
  });

  it('an http API on a non-loopback address is refused without connecting to it', async () => {
    const url = `http://${trap.host}`;
    const line = errorLine(await box.tool(['add', 'ripgrep@13.0.0'], { env: { TOOL_GITHUB_API_URL: url } }));
    assert.ok(line.includes(`TOOL_GITHUB_API_URL ${url}/ is not https`), line);
    assert.equal(trap.connections(), 0, 'no connection was made');
  });

  it('hosts that only look like loopback are refused', async () => {
    for (const url of ['http://127.0.0.1.nip.io', 'http://127.0.0.1@example.com', 'http://localhost.example.com', 'ftp://127.0.0.1']) {
      const line = errorLine(await box.tool(['add', 'ripgrep@13.0.0'], { env: { TOOL_GITHUB_API_URL: url } }));
      assert.match(line, /TOOL_GITHUB_API_URL .* is not https/, url);
    }
  });

  it('a release whose download URL is plain http on another host is refused before connecting', async () => {
    const release = foreignAssetRelease('1.0.0', { url: `http://${trap.host}/widget_1.0.0_linux_amd64.tar.gz`, apiUrl: `http://${trap.host}/api/assets/2`, size: 100 });
    box.server.fail({ match: /^\/repos\/acme\/widget\/releases\/tags\/v1\.0\.0$/, status: 200, body: release });
    const line = errorLine(await box.tool(['add', 'acme/widget@1.0.0']));
    assert.ok(line.includes(`http://${trap.host}/widget_1.0.0_linux_amd64.tar.gz is not https`), line);
    assert.equal(trap.connections(), 0);
    assertNothingLeftBehind(box, { tool: 'acme/widget', version: '1.0.0' });
    assert.ok(!existsSync(join(box.home, 'state/tools/acme__widget.json')));
  });

  it('a download redirected to plain http on another host is refused before connecting', async () => {
    addRipgrep(box.server, '14.1.2');
    box.server.fail({
      match: /\/releases\/download\/14\.1\.2\/ripgrep-14\.1\.2-x86_64-unknown-linux-musl\.tar\.gz$/,
      status: 302,
      headers: { location: `http://${trap.host}/stolen.tar.gz` },
      body: '',
    });
    const line = errorLine(await box.tool(['add', 'ripgrep@14.1.2']));
    assert.ok(line.includes(`redirected to http://${trap.host}/stolen.tar.gz, which is not https`), line);
    assert.equal(trap.connections(), 0);
    assertNothingLeftBehind(box, { tool: 'ripgrep', version: '14.1.2' });
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
  });
});

describe('nothing installs from a source the user did not approve', () => {
  let box: Sandbox;

  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '14.1.1', '15.0.0');
    box.server.addRelease('evil/thing', widgetRelease('1.0.0', 'thing'));
    box.server.addRelease('acme/widget', widgetRelease('1.0.0'));
    box.server.addRelease('evil/widget', widgetRelease('1.0.0'));
    for (const args of [['add', 'ripgrep@14.1.1'], ['add', 'acme/widget']]) {
      const result = await box.tool(args);
      assert.equal(result.code, 0, result.stderr);
    }
  });
  after(() => box.close());

  function requestsFor(repo: string): LoggedRequest[] {
    const [owner, name] = repo.split('/');
    return box.server.requests.filter((r) => r.path.toLowerCase().includes(`/${owner}/${name}/`) || r.path.toLowerCase().includes(`/${owner}/${name}?`));
  }

  it('tool install with a .tools naming an unapproved owner/repo fails saying how to add it, and requests nothing', async () => {
    box.server.clearRequests();
    const file = box.write('user/cloned/.tools', 'evil/thing 1.0.0\n');
    const result = await box.tool(['install'], { cwd: box.dir('user/cloned') });
    const line = errorLine(result);
    assert.ok(line.includes(`${file} line 1`), line);
    assert.match(line, /evil\/thing/);
    assert.match(line, /`tool add evil\/thing`/);
    assert.match(line, /nothing was downloaded/);
    assert.deepEqual(box.server.requests, [], 'no request at all');
    assert.ok(!existsSync(join(box.home, 'store/evil__thing')));
    assert.ok(!existsSync(join(box.shims, 'thing')));
    assertNothingLeftBehind(box);
  });

  it('an approved tool on an earlier line is not installed either: the whole file is checked first', async () => {
    box.server.clearRequests();
    box.write('user/mixed/.tools', 'ripgrep 15.0.0\nevil/thing 1.0.0\n');
    const line = errorLine(await box.tool(['install'], { cwd: box.dir('user/mixed') }));
    assert.match(line, /line 2.*`tool add evil\/thing`/);
    assert.deepEqual(box.server.requests, []);
    assert.ok(!existsSync(join(box.home, 'store/ripgrep/15.0.0')));
  });

  it('a shim in that directory runs its own tool and requests nothing for the unapproved one', async () => {
    box.server.clearRequests();
    box.write('user/mixed2/.tools', 'evil/thing 1.0.0\nacme/widget 1.0.0\n');
    const result = await box.sh('widget --version; rg --version', { cwd: box.dir('user/mixed2') });
    assert.equal(result.stdout, 'widget 1.0.0\nripgrep 14.1.1\n', result.stderr);
    assert.deepEqual(requestsFor('evil/thing'), []);
    assert.ok(!existsSync(join(box.shims, 'thing')));
  });

  it('approval is per owner/repo: adding acme/widget does not approve evil/widget', async () => {
    box.server.clearRequests();
    box.write('user/lookalike/.tools', 'evil/widget 1.0.0\n');
    const line = errorLine(await box.tool(['install'], { cwd: box.dir('user/lookalike') }));
    assert.match(line, /`tool add evil\/widget`/);
    assert.deepEqual(box.server.requests, []);
    const shim = await box.sh('widget --version', { cwd: box.dir('user/lookalike') });
    assert.equal(shim.stdout, 'widget 1.0.0\n', 'the widget shim keeps running acme/widget');
    assert.deepEqual(requestsFor('evil/widget'), []);
  });

  it('a tool add that failed does not approve the source', async () => {
    box.server.addRelease('evil/thing', { tag: 'v2.0.0', assets: [{ name: 'thing_2.0.0_linux_amd64', body: Buffer.from('#!/bin/sh\necho pwned\n'), digest: `sha256:${'0'.repeat(64)}` }] });
    const failed = errorLine(await box.tool(['add', 'evil/thing@2.0.0']));
    assert.match(failed, /checksum mismatch/);
    assert.ok(!existsSync(join(box.home, 'state/tools/evil__thing.json')), 'no approval recorded');
    assert.doesNotMatch(readFileSync(join(box.home, 'global.tools'), 'utf8'), /evil/);
    assert.ok(!existsSync(join(box.shims, 'thing')));
    box.server.clearRequests();
    const line = errorLine(await box.tool(['install'], { cwd: box.dir('user/cloned') }));
    assert.match(line, /`tool add evil\/thing`/);
    assert.deepEqual(box.server.requests, []);
    assertNothingLeftBehind(box, { tool: 'evil/thing', version: '2.0.0' });
  });

  it('once the user runs tool add, the same .tools installs and its shim runs', async () => {
    const added = await box.tool(['add', 'evil/thing@1.0.0']);
    assert.equal(added.code, 0, added.stderr);
    const result = await box.tool(['install'], { cwd: box.dir('user/cloned') });
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await box.sh('thing --version', { cwd: box.dir('user/cloned') })).stdout, 'thing 1.0.0\n');
  });
});
