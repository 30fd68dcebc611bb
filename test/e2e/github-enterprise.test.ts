/**
 * GitHub Enterprise's shape: one host serving the API under /api/v3 and the
 * release downloads at /OWNER/REPO/releases/download/…, which redirect to its
 * storage host. A small front (here) puts the release server behind one such
 * host. Downloads go to what the API answers, on that host; the token goes to
 * that host (it is the API's origin) and never to the storage a download is
 * redirected to.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

describe('GitHub Enterprise (TOOL_GITHUB_API_URL=https://HOST/api/v3)', () => {
  let box: Sandbox;
  let front: Server;
  let ghe = '';
  const seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];

  before(async () => {
    box = await createSandbox({ env: { GITHUB_TOKEN: 'ghp_enterprise_token' } });
    box.server.addRelease('corp/widget', fixtureRelease({ tag: 'v3.1.0', exeName: 'widget', version: '3.1.0', assets: [{ name: 'widget_3.1.0_linux_amd64.tar.gz', format: 'tar.gz' }] }));
    let downloadHost = '';
    front = createServer((req, res) => {
      seen.push({ path: req.url ?? '/', headers: req.headers });
      const api = req.url?.startsWith('/api/v3/');
      const upstream = api ? `${box.server.apiUrl}${req.url!.slice('/api/v3'.length)}` : `${downloadHost}${req.url}`;
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host')) as Record<string, string>;
      void fetch(upstream, { headers, redirect: 'manual' }).then(async (answer) => {
        let body = Buffer.from(await answer.arrayBuffer());
        // The API names download URLs on the Enterprise host itself.
        if (api) body = Buffer.from(body.toString('utf8').replaceAll(downloadHost, ghe));
        const location = answer.headers.get('location');
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream', ...(location ? { location } : {}) }).end(body);
      }, () => res.destroy());
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    ghe = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
    const probe = await (await fetch(`${box.server.apiUrl}/repos/corp/widget/releases/latest`, { headers: { 'user-agent': 'test' } })).json() as { assets: Array<{ browser_download_url: string }> };
    downloadHost = new URL(probe.assets[0]!.browser_download_url).origin;
  });
  after(async () => {
    await new Promise<void>((resolve) => {
      front.close(() => resolve());
      front.closeAllConnections();
    });
    await box.close();
  });

  it('downloads from the Enterprise host the API names, the token on that host only', async () => {
    const add = await box.tool(['add', 'corp/widget'], { env: { TOOL_GITHUB_API_URL: `${ghe}/api/v3` } });
    assert.equal(add.code, 0, add.stderr);
    assert.equal((await box.sh('widget --version')).stdout, 'widget 3.1.0\n');
    const download = seen.find((r) => r.path === '/corp/widget/releases/download/v3.1.0/widget_3.1.0_linux_amd64.tar.gz');
    assert.ok(download, `the download went to the Enterprise host: ${seen.map((r) => r.path).join(', ')}`);
    for (const request of seen) assert.equal(request.headers.authorization, 'Bearer ghp_enterprise_token', request.path);
    const storage = box.server.requests.filter((r) => r.server === 'cdn');
    assert.equal(storage.length, 1);
    assert.equal(storage[0]!.headers.authorization, undefined, 'never to the storage host a download is redirected to');
  });
});
