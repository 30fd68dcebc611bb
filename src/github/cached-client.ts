/**
 * Release answers from the ETag cache alone, never the network: what the last
 * lookups that reached GitHub saw, for a report that is better stale than empty
 * (`tool outdated` offline). The cache is keyed by URL, so these must be the
 * URLs client.ts asks for.
 */
import { ToolError } from '../core/errors.js';
import type { Settings } from '../env/settings.js';
import type { EtagCache } from './etag-cache.js';
import type { GitHubClient, Release } from './types.js';

interface CachedEntry<T> {
  data: T;
  link?: string;
}

function nextLink(link: string | undefined): string | undefined {
  return link?.split(',').find((part) => /rel="next"/.test(part))?.match(/<([^>]+)>/)?.[1];
}

function notCached(what: string): ToolError {
  return new ToolError('TOOL_NETWORK', `nothing is cached for ${what}`, { hint: 'Run it again when GitHub can be reached' });
}

export function createCachedClient(settings: Pick<Settings, 'apiUrl'>, cache: EtagCache): GitHubClient {
  const base = settings.apiUrl.href.replace(/\/+$/, '');
  const apiUrl = (path: string) => new URL(`${base}${path}`);

  async function cached<T>(url: URL): Promise<CachedEntry<T> | undefined> {
    const answer = await cache.get(url.href);
    if (!answer) return undefined;
    try {
      return JSON.parse(answer.body) as CachedEntry<T>;
    } catch {
      return undefined;
    }
  }

  const offlineOnly = async (): Promise<never> => {
    throw notCached('asset downloads and repository files');
  };

  return {
    async latestRelease(repo) {
      const entry = await cached<Release>(apiUrl(`/repos/${repo}/releases/latest`));
      if (!entry) throw notCached(`the latest release of ${repo}`);
      return entry.data;
    },
    async releaseByTag(repo, tag) {
      // A miss reads as "no such tag", so resolving falls back to the cached release list.
      return (await cached<Release>(apiUrl(`/repos/${repo}/releases/tags/${encodeURIComponent(tag)}`)))?.data;
    },
    async listReleases(repo, maxPages = 20) {
      const all: Release[] = [];
      let url: URL | undefined = apiUrl(`/repos/${repo}/releases?per_page=100`);
      for (let page = 0; url && page < maxPages; page++) {
        const entry: CachedEntry<Release[]> | undefined = await cached<Release[]>(url);
        if (!entry) throw notCached(`the releases of ${repo}`);
        all.push(...entry.data);
        const next = nextLink(entry.link);
        url = next ? new URL(next) : undefined;
      }
      return all;
    },
    openAsset: offlineOnly,
    fetchText: offlineOnly,
    repositoryFile: offlineOnly,
  };
}
