/**
 * `url-rewrite` in the settings file sends release downloads to an artifact
 * cache (test/support/mirror-server.ts): the release's own download host and
 * CDN see no request, the token never reaches the mirror, a locked install
 * goes there too, and the bytes must still hash to what the release (or the
 * lock) says: a mirror serving other bytes installs nothing (exit 5).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fixtureRelease } from '../support/fixture-tools.js';
import { startMirrorServer, type MirrorServer } from '../support/mirror-server.js';
import type { FakeRelease } from '../support/release-server.js';
import { oneErrorLine } from '../support/one-error-line.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

const PROGRESS = /^(installing \S+ \S+ \(.+\) for \S+|downloading \S+ from \S+ \(url-rewrite, .+\))$/;


describe('url-rewrite: release downloads from an artifact cache', () => {
  let box: Sandbox;
  let mirror: MirrorServer;
  let published = 0;
  const settings = () => join(box.env.HOME!, '.config', 'tool', 'settings');
  /** The release server's download host, where browser_download_url points. */
  let downloadHost: string;

  /** A raw single-file tool, so a same-length tampered copy reaches the hash check intact. */
  function release(name: string, version = '1.0.0'): FakeRelease {
    return fixtureRelease({ tag: `v${version}`, exeName: name, version, assets: [{ name: `${name}_linux_amd64`, format: 'raw' }] });
  }

  /** Publishes acme/<name> upstream and puts `body` (default: the same bytes) in the cache; returns the name. */
  function publish(body?: (original: Buffer) => Buffer): string {
    const name = `widget${++published}`;
    const fake = release(name);
    box.server.addRelease(`acme/${name}`, fake);
    const asset = fake.assets[0]!;
    mirror.put(`/github/acme/${name}/releases/download/v1.0.0/${asset.name}`, body ? body(asset.body) : asset.body);
    return name;
  }

  const upstreamDownloads = () => box.server.requests.filter((r) => r.server !== 'api');

  before(async () => {
    box = await createSandbox({ env: { GITHUB_TOKEN: 'ghp_secret_token' } });
    mirror = await startMirrorServer();
    box.server.addRelease('acme/probe', release('probe'));
    const json = await (await fetch(`${box.server.apiUrl}/repos/acme/probe/releases/latest`, { headers: { 'user-agent': 'test' } })).json() as { assets: Array<{ browser_download_url: string }> };
    downloadHost = new URL(json.assets[0]!.browser_download_url).origin;
  });
  after(async () => {
    await mirror.close();
    await box.close();
  });
  beforeEach(() => {
    box.server.clearRequests();
    mirror.requests.length = 0;
    box.write('user/.config/tool/settings', `# the artifact cache\nurl-rewrite = ${downloadHost}/ -> ${mirror.url}/github/\n`);
  });

  it('downloads from the mirror, says so, and sends nothing to the download host, its CDN, or the token to the mirror', async () => {
    const name = publish();
    const add = await box.tool(['add', `acme/${name}`]);
    assert.equal(add.code, 0, add.stderr);
    assert.equal((await box.sh(`${name} --version`)).stdout, `${name} 1.0.0\n`);
    const url = `${mirror.url}/github/acme/${name}/releases/download/v1.0.0/${name}_linux_amd64`;
    assert.match(add.stderr, new RegExp(`^downloading ${name}_linux_amd64 from ${url.replace(/\./g, '\\.')} \\(url-rewrite, ${settings().replace(/\./g, '\\.')} line 2\\)$`, 'm'));
    assert.deepEqual(mirror.requests.map((r) => r.path), [new URL(url).pathname]);
    assert.equal(mirror.requests[0]!.headers.authorization, undefined, 'the token is for the API host only');
    assert.deepEqual(upstreamDownloads(), [], 'the release download host and CDN saw nothing');
    assert.ok(box.server.requests.some((r) => r.server === 'api'), 'API requests are not rewritten');
  });

  it('takes the first matching rule, and pattern rules with $1… groups', async () => {
    const name = publish();
    const escaped = downloadHost.replace(/[.]/g, '\\.');
    box.write('user/.config/tool/settings', [
      `url-rewrite = https://unrelated.example/ -> ${mirror.url}/never/`,
      `url-rewrite = ~^${escaped}/([^/]+)/([^/]+)/releases/download/(.*)$ -> ${mirror.url}/github/$1/$2/releases/download/$3`,
      `url-rewrite = ${downloadHost}/ -> ${mirror.url}/second/`,
      '',
    ].join('\n'));
    const add = await box.tool(['add', `acme/${name}`]);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stderr, /\(url-rewrite, .* line 2\)/);
    assert.deepEqual(mirror.requests.map((r) => r.path), [`/github/acme/${name}/releases/download/v1.0.0/${name}_linux_amd64`]);
  });

  it('refuses a mirror that serves other bytes: the SHA-256 the release lists decides (exit 5), nothing installed', async () => {
    const name = publish((original) => Buffer.from(original.toString('latin1').replace('1.0.0', '6.6.6'), 'latin1'));
    const result = await box.tool(['add', `acme/${name}`]);
    const line = oneErrorLine(result, 5, PROGRESS);
    assert.match(line, /SHA-256|checksum|sha256/i);
    assert.equal((await box.sh(`command -v ${name} || echo none`)).stdout, 'none\n');
  });

  it('says in one line that the mirror lacks the file, naming it and the rule (exit 4), without falling back to GitHub', async () => {
    const name = `widget${++published}`;
    box.server.addRelease(`acme/${name}`, release(name));
    const line = oneErrorLine(await box.tool(['add', `acme/${name}`]), 4, PROGRESS);
    assert.equal(line, `tool: the mirror ${mirror.url}/github/acme/${name}/releases/download/v1.0.0/${name}_linux_amd64 answered 404 for ${name}_linux_amd64 (url-rewrite, ${settings()} line 2, for ${downloadHost}/acme/${name}/releases/download/v1.0.0/${name}_linux_amd64). Check that the artifact cache holds or proxies that release, or fix the rule`);
    assert.deepEqual(upstreamDownloads(), []);
  });

  it('rewrites the downloads of a locked install too, verified against the lock', async () => {
    // 1.0.0 is locked for the project; 2.0.0, the latest, is what `tool add` installs (and approves) first.
    const name = `widget${++published}`;
    for (const version of ['1.0.0', '2.0.0']) {
      const fake = release(name, version);
      box.server.addRelease(`acme/${name}`, fake);
      mirror.put(`/github/acme/${name}/releases/download/v${version}/${fake.assets[0]!.name}`, fake.assets[0]!.body);
    }
    const project = box.dir(`proj-${name}`);
    assert.equal((await box.tool(['add', `acme/${name}`])).code, 0);
    box.write(`proj-${name}/.tools`, `acme/${name} 1.0.0\n`);
    const lock = await box.tool(['lock', '--platform', 'linux-x64'], { cwd: project });
    assert.equal(lock.code, 0, lock.stderr);
    box.server.clearRequests();
    mirror.requests.length = 0;
    const install = await box.tool(['install', '--locked'], { cwd: project });
    assert.equal(install.code, 0, install.stderr);
    assert.equal((await box.sh(`${name} --version`, { cwd: project })).stdout, `${name} 1.0.0\n`);
    assert.deepEqual(box.server.requests, [], 'no API request and no upstream download under --locked');
    assert.deepEqual(mirror.requests.map((r) => r.path), [`/github/acme/${name}/releases/download/v1.0.0/${name}_linux_amd64`]);
  });

  it('stops at a rule without " -> " or with a plain-http target, naming the file and line (exit 6)', async () => {
    box.write('user/.config/tool/settings', 'url-rewrite = https://downloads.example/ https://mirror.example/\n');
    const missing = oneErrorLine(await box.tool(['add', `acme/${publish()}`]), 6, PROGRESS);
    assert.match(missing, new RegExp(`^tool: ${settings().replace(/\./g, '\\.')} line 1: url-rewrite "https://downloads.example/ https://mirror.example/" has no " -> "\\. Write url-rewrite = `));
    box.write('user/.config/tool/settings', '\nurl-rewrite = https://downloads.example/ -> http://mirror.example/\n');
    const insecure = oneErrorLine(await box.tool(['add', `acme/${publish()}`]), 6, PROGRESS);
    assert.match(insecure, /line 2: url-rewrite target "http:\/\/mirror\.example\/" is not an https URL\. Mirrors must be https/);
  });
});
