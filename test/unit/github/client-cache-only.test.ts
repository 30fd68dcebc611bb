import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readSettings } from '../../../src/env/settings.js';
import { createGitHubClient } from '../../../src/github/client.js';
import type { CachedAnswer, EtagCache } from '../../../src/github/etag-cache.js';
import { startReleaseServer, type ReleaseServer } from '../../support/release-server.js';

function memoryCache(): EtagCache & { entries: Map<string, CachedAnswer> } {
  const entries = new Map<string, CachedAnswer>();
  return { entries, get: async (url) => entries.get(url), put: async (url, answer) => void entries.set(url, answer) };
}

const release = (tag: string) => ({ tag, assets: [{ name: `w_${tag}_linux_amd64`, body: Buffer.from(tag) }] });

describe('a cache-only GitHub client', () => {
  let server: ReleaseServer;
  let settings: ReturnType<typeof readSettings>;

  before(async () => {
    // 2 per page, so the release list spans pages linked by Link headers.
    server = await startReleaseServer({ defaultPerPage: 2 });
    for (const tag of ['v1.0.0', 'v1.1.0', 'v2.0.0']) server.addRelease('acme/w', release(tag));
    settings = readSettings({ TOOL_GITHUB_API_URL: server.apiUrl, TOOL_HOME: '/nonexistent', TOOL_HTTP_RETRIES: '0' });
  });
  after(() => server.close());

  it('answers what the live client cached, by the same URLs, without a request', async () => {
    const cache = memoryCache();
    const live = createGitHubClient(settings, cache);
    const latest = await live.listReleases('acme/w', 1);
    const byTag = await live.releaseByTag('acme/w', 'v1.1.0');
    const all = await live.listReleases('acme/w');
    server.clearRequests();
    const cached = createGitHubClient(settings, cache, { cacheOnly: true });
    assert.deepEqual(await cached.listReleases('acme/w', 1), latest);
    assert.deepEqual(await cached.releaseByTag('acme/w', 'v1.1.0'), byTag);
    assert.deepEqual(await cached.listReleases('acme/w'), all);
    assert.deepEqual(server.requests, []);
  });

  it('reads a missing tag as no such release, and a missing list as nothing cached (TOOL_NETWORK)', async () => {
    const cached = createGitHubClient(settings, memoryCache(), { cacheOnly: true });
    assert.equal(await cached.releaseByTag('acme/w', 'v9.9.9'), undefined);
    await assert.rejects(cached.listReleases('acme/w', 1), (error: Error & { code?: string }) => error.code === 'TOOL_NETWORK' && /nothing is cached for the releases of acme\/w/.test(error.message));
    await assert.rejects(cached.latestRelease('acme/w'), /nothing is cached/);
  });
});
