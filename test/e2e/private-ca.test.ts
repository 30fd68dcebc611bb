/**
 * A release server on https with a certificate from a CA made for this test:
 * untrusted, the install stops with one line naming the host and the remedy;
 * trusted through the settings file's `ca-file`, TOOL_CA_FILE or Node's own
 * NODE_EXTRA_CA_CERTS, it installs; and through a forward proxy it installs
 * over CONNECT tunnels, the proxy seeing host names only, never a token.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureRelease } from '../support/fixture-tools.js';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy.js';
import { oneErrorLine } from '../support/one-error-line.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { makeTestCa, type TestCa } from '../support/test-ca.js';


describe('a release server whose certificate a private CA signed', () => {
  let dir: string;
  let ca: TestCa;
  let box: Sandbox;
  let proxy: ForwardProxy;
  let published = 0;
  const settingsFile = () => join(box.env.HOME!, '.config', 'tool', 'settings');

  function publish(): string {
    const name = `widget${++published}`;
    box.server.addRelease(`acme/${name}`, fixtureRelease({ tag: 'v1.0.0', exeName: name, version: '1.0.0', assets: [{ name: `${name}_1.0.0_linux_amd64.tar.gz`, format: 'tar.gz' }] }));
    return name;
  }

  async function addsAndRuns(env: Record<string, string>, settings = ''): Promise<void> {
    box.write('user/.config/tool/settings', settings);
    const name = publish();
    const add = await box.tool(['add', `acme/${name}`], { env });
    assert.equal(add.code, 0, add.stderr);
    assert.equal((await box.sh(`${name} --version`)).stdout, `${name} 1.0.0\n`);
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tool-ca-'));
    ca = makeTestCa(dir);
    box = await createSandbox({ tls: ca.server });
    proxy = await startForwardProxy();
  });
  after(async () => {
    await proxy.close();
    await box.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is refused without the CA in one line naming the host and the settings that fix it (exit 4)', async () => {
    box.write('user/.config/tool/settings', '');
    assert.match(box.server.apiUrl, /^https:\/\/127\.0\.0\.1:\d+$/);
    const line = oneErrorLine(await box.tool(['add', `acme/${publish()}`]), 4);
    const host = new URL(box.server.apiUrl).host;
    assert.equal(line, `tool: the TLS certificate of ${host} is not trusted: its issuer is not a trusted certificate authority (UNABLE_TO_VERIFY_LEAF_SIGNATURE). If your network uses a private certificate authority (a TLS-inspecting proxy, GitHub Enterprise), add its PEM file: ca-file = /path/ca.pem in ~/.config/tool/settings, TOOL_CA_FILE, or NODE_EXTRA_CA_CERTS`);
  });

  it('installs with ca-file in the settings file (API, download host and CDN all on https)', async () => {
    box.server.clearRequests();
    await addsAndRuns({}, `ca-file = ${ca.caFile}\n`);
    assert.deepEqual(new Set(box.server.requests.map((r) => r.server)), new Set(['api', 'github', 'cdn']));
  });

  it('installs with TOOL_CA_FILE, and with NODE_EXTRA_CA_CERTS, which Node reads itself', async () => {
    await addsAndRuns({ TOOL_CA_FILE: ca.caFile });
    await addsAndRuns({ NODE_EXTRA_CA_CERTS: ca.caFile });
  });

  it('keeps NODE_EXTRA_CA_CERTS trusted when a ca-file is set too (Node drops it when roots are given)', async () => {
    const other = makeTestCa(mkdtempSync(join(dir, 'other-')), 'another CA');
    await addsAndRuns({ NODE_EXTRA_CA_CERTS: ca.caFile }, `ca-file = ${other.caFile}\n`);
  });

  it('installs through a forward proxy: CONNECT tunnels to each host, the token inside them', async () => {
    proxy.log.length = 0;
    proxy.headers.length = 0;
    box.server.clearRequests();
    await addsAndRuns({ HTTPS_PROXY: proxy.url, GITHUB_TOKEN: 'ghp_secret_token' }, `ca-file = ${ca.caFile}\n`);
    const hosts = new Set(box.server.requests.map((r) => r.host));
    assert.ok(proxy.log.length >= 3);
    for (const line of proxy.log) assert.match(line, /^CONNECT (127\.0\.0\.[12]|localhost):\d+$/, 'only tunnels: the proxy never sees a request');
    assert.deepEqual(new Set(proxy.log.map((line) => line.slice('CONNECT '.length))), hosts, 'a tunnel to every host that answered');
    for (const headers of proxy.headers) assert.equal(headers.authorization, undefined, 'the token never goes to the proxy');
    for (const request of box.server.requests) assert.equal(Boolean(request.headers.authorization), request.server === 'api');
  });

  it('says in one line that a ca-file is missing or holds no certificate, naming it (exit 6)', async () => {
    box.write('user/.config/tool/settings', '# our CA\nca-file = /nonexistent/ca.pem\n');
    const missing = oneErrorLine(await box.tool(['add', `acme/${publish()}`]), 6);
    assert.equal(missing, `tool: the CA file /nonexistent/ca.pem (from ${settingsFile()} line 2) does not exist. Point it at a PEM file of certificates ("-----BEGIN CERTIFICATE-----"), or remove the setting`);
    const notPem = join(dir, 'not-a-cert.pem');
    writeFileSync(notPem, 'hello\n');
    const bad = oneErrorLine(await box.tool(['add', `acme/${publish()}`], { env: { TOOL_CA_FILE: notPem } }), 6);
    assert.match(bad, new RegExp(`^tool: the CA file ${notPem} \\(from TOOL_CA_FILE\\) holds no PEM certificate\\. `));
  });
});
