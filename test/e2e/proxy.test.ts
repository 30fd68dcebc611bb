/**
 * Behind a forward proxy: a real one (test/support/forward-proxy.ts) whose
 * log proves that every request of `tool add` went through it, each redirect
 * hop judged on its own host; NO_PROXY sending hosts direct; a proxy that is
 * down or refuses as one line naming it with its password redacted, exit 4;
 * credentials from the proxy URL sent as Proxy-Authorization; and `tool
 * doctor` showing each decision. The release server here is plain http on
 * loopback, so HTTP_PROXY applies and the proxy sees absolute-URL requests;
 * CONNECT tunnels to https are in private-ca.test.ts.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fixtureRelease } from '../support/fixture-tools.js';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy.js';
import { oneErrorLine } from '../support/one-error-line.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';


/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('HTTP_PROXY, HTTPS_PROXY and NO_PROXY', () => {
  let box: Sandbox;
  let proxy: ForwardProxy;
  let published = 0;

  /** Publishes another tool (acme/widget1, acme/widget2, …), so each test's `tool add` installs afresh; returns its name. */
  function publish(): string {
    const name = `widget${++published}`;
    box.server.addRelease(`acme/${name}`, fixtureRelease({ tag: 'v1.0.0', exeName: name, version: '1.0.0', assets: [{ name: `${name}_1.0.0_linux_amd64.tar.gz`, format: 'tar.gz' }] }));
    return name;
  }

  before(async () => {
    box = await createSandbox();
    proxy = await startForwardProxy();
  });
  after(async () => {
    await proxy.close();
    await box.close();
  });
  beforeEach(() => {
    box.server.clearRequests();
    proxy.log.length = 0;
    proxy.headers.length = 0;
  });

  it('sends every request of `tool add` through the proxy: API, download host and CDN', async () => {
    const name = publish();
    const add = await box.tool(['add', `acme/${name}`], { env: { HTTP_PROXY: proxy.url, GITHUB_TOKEN: 'ghp_secret_token' } });
    assert.equal(add.code, 0, add.stderr);
    assert.equal((await box.sh(`${name} --version`)).stdout, `${name} 1.0.0\n`);
    const served = box.server.requests.map((r) => `GET http://${r.host}${r.path}`);
    assert.ok(served.length >= 3, `API, download and CDN requests: ${served.join('\n')}`);
    // The attestation lookup runs beside the download, so only the set of requests is fixed, not their order.
    assert.deepEqual([...proxy.log].sort(), [...served].sort(), 'the proxy saw exactly what the servers answered');
    assert.deepEqual(new Set(box.server.requests.map((r) => r.server)), new Set(['api', 'github', 'cdn']));
    // The token still goes to the API host only, whichever way the request travels.
    for (const request of box.server.requests) assert.equal(Boolean(request.headers.authorization), request.server === 'api', `${request.server} ${request.path}`);
  });

  it('honours the lower-case variable over the upper-case one, as curl does', async () => {
    const add = await box.tool(['add', `acme/${publish()}`], { env: { http_proxy: proxy.url, HTTP_PROXY: `http://127.0.0.1:${await closedPort()}` } });
    assert.equal(add.code, 0, add.stderr);
    assert.ok(proxy.log.length >= 3);
  });

  it('sends hosts listed in NO_PROXY direct, deciding each redirect hop on its own host', async () => {
    // The API and github.com stand-ins are listed; the CDN a download redirects to (127.0.0.2) is not.
    const partial = await box.tool(['add', `acme/${publish()}`], { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1, LOCALHOST' } });
    assert.equal(partial.code, 0, partial.stderr);
    const viaCdn = box.server.requests.filter((r) => r.server === 'cdn' && !r.host.startsWith('127.0.0.1:'));
    assert.deepEqual(proxy.log, viaCdn.map((r) => `GET http://${r.host}${r.path}`));

    box.server.clearRequests();
    proxy.log.length = 0;
    const bypassed = await box.tool(['add', `acme/${publish()}`], { env: { http_proxy: proxy.url, no_proxy: '*' } });
    assert.equal(bypassed.code, 0, bypassed.stderr);
    assert.ok(box.server.requests.length >= 3);
    assert.deepEqual(proxy.log, [], 'NO_PROXY=* leaves the proxy unused');
  });

  it('says in one line that the proxy is down, naming it with the password redacted (exit 4)', async () => {
    const port = await closedPort();
    const result = await box.tool(['add', `acme/${publish()}`], { env: { HTTP_PROXY: `http://alice:s3cret@127.0.0.1:${port}` } });
    const line = oneErrorLine(result, 4);
    assert.match(line, new RegExp(`^tool: cannot reach the proxy http://alice:\\*\\*\\*@127\\.0\\.0\\.1:${port} \\(HTTP_PROXY\\): connection refused`));
    assert.match(line, /Check that the proxy runs and that HTTP_PROXY names it/);
    assert.doesNotMatch(result.stderr, /s3cret/);
    assert.deepEqual(box.server.requests, [], 'nothing went around the proxy');
  });

  it('refuses an https:// proxy URL in one line (exit 6)', async () => {
    const line = oneErrorLine(await box.tool(['add', `acme/${publish()}`], { env: { HTTPS_PROXY: 'https://bob:pw@127.0.0.1:3128' } }), 6);
    assert.equal(line, 'tool: HTTPS_PROXY=https://bob:***@127.0.0.1:3128 is an https:// proxy; tool speaks only to http:// proxies. Write http://127.0.0.1:3128 if the proxy also answers plain http (https downloads stay encrypted end to end through it), or unset HTTPS_PROXY');
  });
});

describe('a proxy that wants credentials', () => {
  let box: Sandbox;
  let proxy: ForwardProxy;

  before(async () => {
    box = await createSandbox();
    proxy = await startForwardProxy({ credentials: { user: 'alice', password: 'p@ss word' } });
    box.server.addRelease('acme/widget', fixtureRelease({ tag: 'v2.0.0', exeName: 'widget', version: '2.0.0', assets: [{ name: 'widget_2.0.0_linux_amd64.tar.gz', format: 'tar.gz' }] }));
  });
  after(async () => {
    await proxy.close();
    await box.close();
  });

  it('gets them as Proxy-Authorization from the proxy URL, on every request', async () => {
    const add = await box.tool(['add', 'acme/widget'], { env: { HTTP_PROXY: `http://alice:p%40ss%20word@127.0.0.1:${proxy.port}` } });
    assert.equal(add.code, 0, add.stderr);
    const expected = `Basic ${Buffer.from('alice:p@ss word').toString('base64')}`;
    assert.ok(proxy.headers.length >= 3);
    for (const headers of proxy.headers) assert.equal(headers['proxy-authorization'], expected);
    for (const request of box.server.requests) assert.equal(request.headers['proxy-authorization'], undefined, 'the proxy keeps them to itself');
  });

  it('says in one line that the proxy refused wrong ones (407), password redacted (exit 4)', async () => {
    const result = await box.tool(['add', 'acme/widget@2.0.0'], { env: { HTTP_PROXY: `http://alice:wrong@127.0.0.1:${proxy.port}`, TOOL_HOME: box.dir('other-home') } });
    const line = oneErrorLine(result, 4);
    assert.match(line, new RegExp(`^tool: the proxy http://alice:\\*\\*\\*@127\\.0\\.0\\.1:${proxy.port} \\(HTTP_PROXY\\) refused 127\\.0\\.0\\.1:\\d+: 407 Proxy Authentication Required\\. Put the user and password in the proxy URL`));
    assert.doesNotMatch(result.stderr, /wrong/);
  });
});

describe('tool doctor: the network check', () => {
  let box: Sandbox;
  let proxy: ForwardProxy;

  before(async () => {
    box = await createSandbox();
    proxy = await startForwardProxy();
    // Downloads come from the API host here (as on GitHub Enterprise), so that is what doctor's sample URL starts with.
    box.write('user/.config/tool/settings', `url-rewrite = ${box.server.apiUrl}/ -> https://nexus.example/repository/github/\n`);
  });
  after(async () => {
    await proxy.close();
    await box.close();
  });

  it('shows which proxy each host goes through, or the NO_PROXY entry that sends it direct, and what each rewrite does', async () => {
    const api = box.server.apiUrl;
    const proxyShown = `http://alice:***@127.0.0.1:${proxy.port}`;
    const through = await box.tool(['doctor', '--json'], { env: { HTTP_PROXY: `http://alice:pw@127.0.0.1:${proxy.port}`, NO_PROXY: 'localhost' } });
    assert.doesNotMatch(through.stdout, /:pw@/);
    const network = (JSON.parse(through.stdout) as { checks: Array<{ name: string; ok: boolean; summary: string; notes: string[] }> }).checks.find((c) => c.name === 'network')!;
    assert.equal(network.ok, true);
    assert.equal(network.summary, 'proxy variables set (each host below); Node\'s certificate authorities; 1 url-rewrite rule');
    const settings = join(box.env.HOME!, '.config', 'tool', 'settings');
    assert.deepEqual(network.notes, [
      `API ${api}: through ${proxyShown} (HTTP_PROXY)`,
      `downloads ${api}: through ${proxyShown} (HTTP_PROXY)`,
      `url-rewrite ${api}/ -> https://nexus.example/repository/github/ (${settings} line 1): ${api}/OWNER/REPO/releases/download/v1.0.0/tool-linux-x64.tar.gz -> https://nexus.example/repository/github/OWNER/REPO/releases/download/v1.0.0/tool-linux-x64.tar.gz`,
    ]);
    assert.ok(proxy.log.includes(`GET ${api}/rate_limit`), 'the github check itself went through the proxy');

    proxy.log.length = 0;
    const direct = await box.tool(['doctor'], { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } });
    assert.match(direct.stdout, /^network +ok +proxy variables set/m);
    assert.match(direct.stdout, new RegExp(`^  note: API ${api.replace(/\./g, '\\.')}: direct \\(NO_PROXY has "127\\.0\\.0\\.1"\\)$`, 'm'));
    assert.deepEqual(proxy.log, []);

    const none = await box.tool(['doctor', '--json']);
    const plain = (JSON.parse(none.stdout) as { checks: Array<{ name: string; summary: string }> }).checks.find((c) => c.name === 'network')!;
    assert.equal(plain.summary, 'no proxy variables: direct to every host; Node\'s certificate authorities; 1 url-rewrite rule');
  });

  it('reports a CA file that cannot be used as its problem, with the fix', async () => {
    const result = await box.tool(['doctor', '--json'], { env: { TOOL_CA_FILE: '/nonexistent/ca.pem' } });
    assert.equal(result.code, 1);
    const network = (JSON.parse(result.stdout) as { checks: Array<{ name: string; ok: boolean; problems: Array<{ message: string; fix: string }> }> }).checks.find((c) => c.name === 'network')!;
    assert.deepEqual(network.problems, [{ message: 'the CA file /nonexistent/ca.pem (from TOOL_CA_FILE) does not exist', fix: 'Point it at a PEM file of certificates ("-----BEGIN CERTIFICATE-----"), or remove the setting', fixable: false }]);
  });
});
