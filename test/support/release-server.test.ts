import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReleaseServer } from './release-server.js';
import type { ReleaseServer } from './release-server.js';
import { makeTar, makeZip } from './archives.js';
import { fixtureRelease } from './fixture-tools.js';

const asset = (name: string, text = name) => ({ name, body: Buffer.from(text) });

async function withServer(fn: (server: ReleaseServer) => Promise<void>, perPage?: number): Promise<void> {
  const server = await startReleaseServer(perPage === undefined ? {} : { defaultPerPage: perPage });
  try {
    await fn(server);
  } finally {
    await server.close();
  }
}

async function getJson(url: string): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(url);
  return { status: res.status, json: await res.json(), headers: res.headers };
}

function withTempDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'release-server-test-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('latest skips drafts and prereleases', () => withServer(async (s) => {
  s.addRelease('o/r', { tag: 'v1.0.0', assets: [asset('a')] });
  s.addRelease('o/r', { tag: 'v1.1.0-rc.1', prerelease: true, assets: [] });
  s.addRelease('o/r', { tag: 'v2.0.0', draft: true, assets: [] });
  const { status, json } = await getJson(`${s.apiUrl}/repos/o/r/releases/latest`);
  assert.equal(status, 200);
  assert.equal(json.tag_name, 'v1.0.0');
  assert.equal(json.assets[0].state, 'uploaded');
  assert.match(json.assets[0].digest, /^sha256:[0-9a-f]{64}$/);
  const list = await getJson(`${s.apiUrl}/repos/o/r/releases`);
  assert.deepEqual(list.json.map((r: any) => r.tag_name), ['v1.1.0-rc.1', 'v1.0.0']);
  s.addRelease('o/empty', { tag: 'v0.1.0', prerelease: true, assets: [] });
  assert.equal((await getJson(`${s.apiUrl}/repos/o/empty/releases/latest`)).status, 404);
}));

test('tags containing slashes are found encoded or not, and owner/repo match case-insensitively', () => withServer(async (s) => {
  s.addRelease('Owner/Mono', { tag: 'cli/v2.0.0', assets: [asset('cli.tar.gz')] });
  for (const path of ['tags/cli/v2.0.0', 'tags/cli%2Fv2.0.0']) {
    const { status, json } = await getJson(`${s.apiUrl}/repos/owner/MONO/releases/${path}`);
    assert.equal(status, 200, path);
    assert.equal(json.tag_name, 'cli/v2.0.0');
    assert.match(json.assets[0].browser_download_url, /^http:\/\/localhost:\d+\/Owner\/Mono\/releases\/download\/cli\/v2\.0\.0\/cli\.tar\.gz$/);
  }
}));

test('pagination announces next and last pages with absolute URLs', () => withServer(async (s) => {
  for (let i = 1; i <= 5; i++) s.addRelease('o/r', { tag: `v${i}`, assets: [] });
  const seen: string[] = [];
  let url: string | undefined = `${s.apiUrl}/repos/o/r/releases?per_page=2`;
  const links: string[] = [];
  while (url) {
    const page = await getJson(url);
    seen.push(...page.json.map((r: any) => r.tag_name));
    const link = page.headers.get('link') ?? '';
    links.push(link);
    url = /<([^>]+)>; rel="next"/.exec(link)?.[1];
  }
  assert.deepEqual(seen, ['v5', 'v4', 'v3', 'v2', 'v1']);
  assert.equal(links.length, 3);
  assert.ok(links[0]?.includes(`<${s.apiUrl}/repos/o/r/releases?per_page=2&page=2>; rel="next"`));
  assert.ok(links[0]?.includes(`<${s.apiUrl}/repos/o/r/releases?per_page=2&page=3>; rel="last"`));
  assert.doesNotMatch(links[2] ?? '', /rel="next"/);
}));

test('the default page size is configurable', () => withServer(async (s) => {
  for (let i = 1; i <= 3; i++) s.addRelease('o/r', { tag: `v${i}`, assets: [] });
  const page = await getJson(`${s.apiUrl}/repos/o/r/releases`);
  assert.equal(page.json.length, 2);
  assert.match(page.headers.get('link') ?? '', /page=2>; rel="last"/);
}, 2));

test('unknown repositories and tags answer 404 with a GitHub error body', () => withServer(async (s) => {
  s.addRelease('o/r', { tag: 'v1', assets: [] });
  for (const path of ['/repos/o/nope/releases/latest', '/repos/o/r/releases/tags/v9', '/repos/o/r/releases/assets/1']) {
    const { status, json, headers } = await getJson(`${s.apiUrl}${path}`);
    assert.equal(status, 404, path);
    assert.equal(json.message, 'Not Found');
    assert.ok(json.documentation_url);
    assert.ok(headers.get('x-ratelimit-remaining'));
  }
}));

test('a matching If-None-Match gets 304 without a body and is logged', () => withServer(async (s) => {
  s.addRelease('o/r', { tag: 'v1', assets: [] });
  const url = `${s.apiUrl}/repos/o/r/releases/latest`;
  const first = await fetch(url);
  const etag = first.headers.get('etag') ?? '';
  assert.match(etag, /^"[0-9a-f]+"$/);
  assert.equal(first.headers.get('x-ratelimit-limit'), '60');
  assert.equal(first.headers.get('x-ratelimit-resource'), 'core');
  const second = await fetch(url, { headers: { 'If-None-Match': etag } });
  assert.equal(second.status, 304);
  assert.equal(await second.text(), '');
  assert.deepEqual(s.requests.map((r) => r.status), [200, 304]);
  assert.equal(s.requests[1]?.headers['if-none-match'], etag);
}));

test('downloads redirect to another host whose CDN serves the exact bytes', () => withServer(async (s) => {
  const body = Buffer.from('binary\0bytes\n');
  s.addRelease('o/r', { tag: 'v1', assets: [{ name: 'tool.bin', body }] });
  const meta = (await getJson(`${s.apiUrl}/repos/o/r/releases/tags/v1`)).json.assets[0];
  const redirect = await fetch(meta.browser_download_url, { redirect: 'manual' });
  assert.equal(redirect.status, 302);
  const location = redirect.headers.get('location') ?? '';
  assert.notEqual(new URL(location).host, new URL(meta.browser_download_url).host);
  assert.notEqual(new URL(location).host, new URL(s.apiUrl).host);
  const bytes = await fetch(location);
  assert.equal(bytes.status, 200);
  assert.equal(bytes.headers.get('content-length'), String(body.length));
  assert.equal(bytes.headers.get('content-type'), 'application/octet-stream');
  assert.deepEqual(Buffer.from(await bytes.arrayBuffer()), body);
  const partial = await fetch(location, { headers: { Range: 'bytes=7-' } });
  assert.equal(partial.status, 206);
  assert.deepEqual(Buffer.from(await partial.arrayBuffer()), body.subarray(7));
  const viaApi = await fetch(meta.url, { headers: { Accept: 'application/octet-stream' }, redirect: 'manual' });
  assert.equal(viaApi.status, 302);
  assert.match(viaApi.headers.get('location') ?? '', /\/blob\/\d+\?sig=/);
  assert.deepEqual(s.requests.map((r) => r.server), ['api', 'github', 'cdn', 'cdn', 'api']);
}));

test('the CDN rejects requests that carry an Authorization header', () => withServer(async (s) => {
  s.addRelease('o/r', { tag: 'v1', assets: [asset('x')] });
  const meta = (await getJson(`${s.apiUrl}/repos/o/r/releases/latest`)).json.assets[0];
  const location = (await fetch(meta.browser_download_url, { redirect: 'manual' })).headers.get('location') ?? '';
  const res = await fetch(location, { headers: { Authorization: 'Bearer secret' } });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /<Code>InvalidArgument<\/Code>/);
}));

test('an injected 500 is answered once, then the real response', () => withServer(async (s) => {
  s.addRelease('o/r', { tag: 'v1', assets: [] });
  s.fail({ match: /releases\/latest/, status: 500 });
  const url = `${s.apiUrl}/repos/o/r/releases/latest`;
  assert.equal((await fetch(url)).status, 500);
  assert.equal((await fetch(url)).status, 200);
  assert.deepEqual(s.requests.map((r) => r.status), [500, 200]);
}));

test('an injected reset destroys the socket so fetch rejects', () => withServer(async (s) => {
  s.addRelease('o/r', { tag: 'v1', assets: [] });
  s.fail({ match: /latest/, reset: true });
  await assert.rejects(fetch(`${s.apiUrl}/repos/o/r/releases/latest`));
  assert.equal((await fetch(`${s.apiUrl}/repos/o/r/releases/latest`)).status, 200);
}));

/** The raw bytes a GET gets back until the server closes, so lying lengths stay visible. */
function rawGet(url: string): Promise<{ head: string; body: Buffer }> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`GET ${pathname}${search} HTTP/1.1\r\nhost: ${hostname}\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      resolve({ head: all.subarray(0, end).toString(), body: all.subarray(end + 4) });
    });
  });
}

async function cdnUrl(s: ReleaseServer): Promise<string> {
  const meta = (await getJson(`${s.apiUrl}/repos/o/r/releases/latest`)).json.assets[0];
  return (await fetch(meta.browser_download_url, { redirect: 'manual' })).headers.get('location') ?? '';
}

test('a damaged answer announces the length it is told to and breaks off where it is told to', () => withServer(async (s) => {
  s.addRelease('o/r', { tag: 'v1', assets: [asset('x', '0123456789')] });
  const url = await cdnUrl(s);
  s.fail({ match: /^\/blob\//, lengthDelta: -4 });
  s.fail({ match: /^\/blob\//, cut: 3, after: 'close' });
  const longer = await rawGet(url);
  assert.match(longer.head, /content-length: 6/);
  assert.equal(longer.body.toString(), '0123456789');
  const cut = await rawGet(url);
  assert.match(cut.head, /content-length: 10/);
  assert.equal(cut.body.toString(), '012');
}));

test('the CDN honours Range unless If-Range names another ETag or the failure says to ignore it', () => withServer(async (s) => {
  s.addRelease('o/r', { tag: 'v1', assets: [asset('x', '0123456789')] });
  const url = await cdnUrl(s);
  const first = await fetch(url);
  const etag = first.headers.get('etag') ?? '';
  assert.equal(await first.text(), '0123456789');
  const part = await fetch(url, { headers: { range: 'bytes=4-', 'if-range': etag } });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-range'), 'bytes 4-9/10');
  assert.equal(await part.text(), '456789');
  const changed = await fetch(url, { headers: { range: 'bytes=4-', 'if-range': '"another"' } });
  assert.equal(changed.status, 200);
  assert.equal(await changed.text(), '0123456789');
  s.fail({ match: /^\/blob\//, ignoreRange: true, headers: { etag: '"rebuilt"' } });
  const ignored = await fetch(url, { headers: { range: 'bytes=4-' } });
  assert.equal(ignored.status, 200);
  assert.equal(ignored.headers.get('etag'), '"rebuilt"');
  assert.equal(await ignored.text(), '0123456789');
}));

test('API requests without a User-Agent are refused with 403', () => withServer(async (s) => {
  const status = await new Promise<number>((resolve, reject) => {
    request(`${s.apiUrl}/repos/o/r/releases`, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject).end();
  });
  assert.equal(status, 403);
}));

test('tar archives keep malicious names, links, long paths and modes verbatim', () => withTempDir((dir) => {
  const longPath = `${'d'.repeat(120)}/${'f'.repeat(90)}`;
  const veryLong = `${'x'.repeat(150)}/${'y'.repeat(150)}`;
  const tar = makeTar([
    { path: '../evil', body: 'x' }, { path: '/etc/x', body: 'y' },
    { path: 'bin/', type: 'dir' }, { path: 'bin/run', body: '#!/bin/sh\n', mode: 0o755 },
    { path: 'link', type: 'symlink', linkTarget: '/tmp' }, { path: 'hard', type: 'hardlink', linkTarget: 'bin/run' },
    { path: longPath, body: 'long' }, { path: veryLong, body: 'longer' },
  ]);
  writeFileSync(join(dir, 'a.tar'), tar);
  const listing = execFileSync('tar', ['-tvPf', join(dir, 'a.tar')], { encoding: 'utf8' });
  const names = execFileSync('tar', ['-tf', join(dir, 'a.tar'), '-P'], { encoding: 'utf8' }).trim().split('\n');
  assert.deepEqual(names, ['../evil', '/etc/x', 'bin/', 'bin/run', 'link', 'hard', longPath, veryLong]);
  assert.match(listing, /^-rwxr-xr-x .* bin\/run$/m);
  assert.match(listing, /^lrwxrwxrwx .* link -> \/tmp$/m);
  assert.match(listing, /^hrw-r--r-- .* hard link to bin\/run$/m);
}));

test('zip archives keep unix modes and symlinks', () => withTempDir((dir) => {
  const zip = makeZip([
    { path: 'pkg/', type: 'dir' }, { path: 'pkg/tool', body: 'echo hi\n'.repeat(50), mode: 0o755 },
    { path: '../evil', body: 'x' }, { path: 'pkg/link', type: 'symlink', linkTarget: '/tmp' },
  ]);
  writeFileSync(join(dir, 'a.zip'), zip);
  const info = execFileSync('zipinfo', [join(dir, 'a.zip')], { encoding: 'utf8' });
  assert.match(info, /^-rwxr-xr-x .* pkg\/tool$/m);
  assert.match(info, /^lrwxrwxrwx .* pkg\/link$/m);
  assert.match(info, /^drwxr-xr-x .* pkg\/$/m);
  assert.match(info, / \.\.\/evil$/m);
  execFileSync('unzip', ['-q', join(dir, 'a.zip'), 'pkg/*', '-d', join(dir, 'out')]);
  assert.equal(statSync(join(dir, 'out/pkg/tool')).mode & 0o777, 0o755);
  assert.equal(execFileSync(join(dir, 'out/pkg/tool'), { encoding: 'utf8' }).split('\n')[0], 'hi');
}));

test('fixture releases hold runnable fake tools that pass arguments, exit codes and stdio through', () => withTempDir((dir) => {
  const release = fixtureRelease({
    tag: 'v14.1.0', exeName: 'rg', toolName: 'ripgrep', version: '14.1.0', checksumFile: 'SHA256SUMS',
    assets: [
      { name: 'rg-linux.tar.gz', format: 'tar.gz', exePath: 'ripgrep-14.1.0-x86_64-unknown-linux-musl/rg' },
      { name: 'rg-linux.zip', format: 'zip' },
    ],
  });
  assert.deepEqual(release.assets.map((a) => a.name), ['rg-linux.tar.gz', 'rg-linux.zip', 'SHA256SUMS']);
  assert.match(release.assets[2]?.body.toString() ?? '', /^[0-9a-f]{64} {2}rg-linux\.tar\.gz\n[0-9a-f]{64} {2}rg-linux\.zip\n$/);
  writeFileSync(join(dir, 'a.tar.gz'), release.assets[0]?.body ?? Buffer.alloc(0));
  execFileSync('tar', ['-xzf', join(dir, 'a.tar.gz'), '-C', dir]);
  const exe = join(dir, 'ripgrep-14.1.0-x86_64-unknown-linux-musl/rg');
  const run = (...args: string[]) => execFileSync(exe, args, { encoding: 'utf8', cwd: dir });
  assert.equal(run(), 'ripgrep 14.1.0\n');
  assert.equal(run('--version'), 'ripgrep 14.1.0\n');
  assert.equal(run('--args', 'a b', '', "it's"), "[a b]\n[]\n[it's]\n");
  assert.equal(execFileSync(exe, ['--cat'], { input: 'piped', encoding: 'utf8' }), 'piped');
  assert.equal(run('--pwd').trim(), dir);
  assert.equal(run('--self').trim(), exe);
  assert.throws(() => run('--exit', '7'), (e: any) => e.status === 7);
  const stderr = spawnSync(exe, ['--stderr', 'oops'], { encoding: 'utf8' });
  assert.deepEqual([stderr.status, stderr.stdout, stderr.stderr], [0, '', 'oops\n']);
}));

test('the fake tool reports TERM promptly and exits 143', () => new Promise<void>((resolve, reject) => {
  const release = fixtureRelease({ tag: 'v1', exeName: 'slow', version: '1', assets: [{ name: 'slow', format: 'raw' }] });
  const child = spawn('sh', ['-c', release.assets[0]?.body.toString() ?? '', 'slow', '--sleep']);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  setTimeout(() => child.kill('SIGTERM'), 300); // give sh time to install its trap
  const started = Date.now();
  child.on('close', (code) => {
    try {
      assert.equal(code, 143);
      assert.equal(out, 'got TERM\n');
      assert.ok(Date.now() - started < 2000, 'the trap fired without waiting for sleep');
      resolve();
    } catch (error) { reject(error); }
  });
}));
