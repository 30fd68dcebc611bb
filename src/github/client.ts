/** GitHub's release API over httpGet: latest, by tag, paginated lists, asset bytes. */
import { createHash } from 'node:crypto';
import { ToolError } from '../core/errors.js';
import type { Settings } from '../env/settings.js';
import { resumableDownload } from './asset-download.js';
import { assetSource, mirrorNote, mirrorRefused } from './asset-source.js';
import type { EtagCache } from './etag-cache.js';
import { backoff, httpGet, httpGetBytes, httpGetOnce, type HttpOptions } from './http.js';
import { rateLimitError, statusError } from './http-errors.js';
import { readNetwork } from './network.js';
import type { Asset, AssetStream, GitHubClient, RateLimit, Release } from './types.js';

const API_HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
const MAX_PAGES = 20;

function nextLink(link: string | undefined): string | undefined {
  return link?.split(',').find((part) => /rel="next"/.test(part))?.match(/<([^>]+)>/)?.[1];
}

export interface ClientMode {
  /**
   * Answer release lookups from the ETag cache alone, never the network: what
   * the last lookups that reached GitHub saw (`tool outdated` offline: better
   * stale than empty). A missing tag reads as no such release; anything else
   * missing, and every download, is TOOL_NETWORK "nothing is cached".
   */
  cacheOnly?: boolean;
  /** Progress lines (a download sent to a mirror says so); the CLI's log. */
  note?: (line: string) => void;
}

function notCached(what: string): ToolError {
  return new ToolError('TOOL_NETWORK', `nothing is cached for ${what}`, { hint: 'Run it again when GitHub can be reached' });
}

export function createGitHubClient(settings: Settings, cache: EtagCache, mode: ClientMode = {}): GitHubClient {
  const base = settings.apiUrl.href.replace(/\/+$/, '');
  const network = readNetwork(settings);
  const options: HttpOptions = {
    transport: network.transport,
    retries: settings.retries,
    retryDelayMs: settings.retryDelayMs,
    timeoutMs: settings.httpTimeoutMs,
    ...(settings.token ? { auth: { token: settings.token, origin: settings.apiUrl.origin } } : {}),
  };
  const apiUrl = (path: string) => new URL(`${base}${path}`);
  const fail = (status: number, headers: Record<string, string | undefined>, url: URL, what: string) =>
    rateLimitError(status, headers, url, Boolean(settings.token)) ?? statusError(status, url, what);

  /** JSON GET with ETag revalidation; returns undefined on 404 (cache-only: on a miss, when `missOk`). */
  async function getJson<T>(url: URL, what: string, missOk = false): Promise<{ data: T; link?: string } | undefined> {
    const cached = await cache.get(url.href);
    if (mode.cacheOnly) {
      if (cached) return JSON.parse(cached.body) as { data: T; link?: string };
      if (missOk) return undefined;
      throw notCached(what);
    }
    const headers: Record<string, string> = { ...API_HEADERS, ...(cached ? { 'if-none-match': cached.etag } : {}) };
    const response = await httpGetBytes(url, { ...options, headers });
    if (response.status === 304 && cached) return JSON.parse(cached.body) as { data: T; link?: string };
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw fail(response.status, response.headers, url, what);
    let data: T;
    try {
      data = JSON.parse(response.bytes.toString('utf8')) as T;
    } catch {
      throw new ToolError('TOOL_SERVER_ERROR', `${url.href} sent invalid JSON for ${what}`, { hint: 'Try again later' });
    }
    const entry = { data, ...(response.headers.link ? { link: response.headers.link } : {}) };
    const etag = response.headers.etag;
    if (etag) await cache.put(url.href, { etag, body: JSON.stringify(entry) });
    return entry;
  }

  async function openAsset(asset: Asset): Promise<AssetStream> {
    if (mode.cacheOnly) throw notCached(`asset ${asset.name}`);
    const source = assetSource(asset, options, network.rewrites);
    if (source.mirror) mode.note?.(mirrorNote(asset, source.mirror));
    const octets = { ...source.options, headers: { accept: 'application/octet-stream' } };
    let start = source.start;
    let response = await httpGet(start, octets);
    if (response.status !== 200 && !source.mirror && settings.token && [401, 403, 404].includes(response.status)) {
      // Private repositories: the public URL fails, the API asset URL works with the token.
      await response.discard();
      start = new URL(asset.url);
      response = await httpGet(start, octets);
    }
    if (response.status !== 200) {
      await response.discard();
      if (source.mirror) throw mirrorRefused(asset, source.mirror, response.status);
      throw fail(response.status, response.headers, start, `asset ${asset.name}`);
    }
    return resumableDownload(response, {
      name: asset.name,
      url: start,
      expectedSize: asset.size,
      retries: settings.retries,
      backoff: (attempt) => backoff(options, attempt),
      request: (headers) => httpGetOnce(start, { ...octets, headers: { ...octets.headers, ...headers } }),
      refuse: (answer) => {
        void answer.discard();
        return fail(answer.status, answer.headers, start, `asset ${asset.name}`);
      },
    });
  }

  return {
    async latestRelease(repo) {
      return (await getJson<Release>(apiUrl(`/repos/${repo}/releases/latest`), `the latest release of ${repo}`))?.data;
    },
    async releaseByTag(repo, tag) {
      const path = `/repos/${repo}/releases/tags/${encodeURIComponent(tag)}`;
      return (await getJson<Release>(apiUrl(path), `release ${tag} of ${repo}`, true))?.data;
    },
    async listReleases(repo, maxPages = MAX_PAGES) {
      const all: Release[] = [];
      let url: URL | undefined = apiUrl(`/repos/${repo}/releases?per_page=100`);
      for (let page = 0; url && page < maxPages; page++) {
        const answer: { data: Release[]; link?: string } | undefined = await getJson<Release[]>(url, `the releases of ${repo}`);
        if (!answer) {
          throw new ToolError('TOOL_NOT_FOUND', `GitHub has no repository ${repo} (${url.href} answered 404)`, {
            hint: 'Check the owner/repo spelling; for a private repository set GITHUB_TOKEN',
          });
        }
        all.push(...answer.data);
        const next = nextLink(answer.link);
        url = next ? new URL(next) : undefined;
      }
      return all;
    },
    openAsset,
    async repositoryFile(repo, path, ref) {
      if (mode.cacheOnly) throw notCached(`${path} of ${repo} at ${ref}`);
      const url = apiUrl(`/repos/${repo}/contents/${path}?ref=${encodeURIComponent(ref)}`);
      const meta = await getJson<{ sha: string; size: number; type: string }>(url, `${path} of ${repo} at ${ref}`);
      if (!meta) return undefined;
      const response = await httpGetBytes(url, { ...options, headers: { ...API_HEADERS, accept: 'application/vnd.github.raw' } });
      if (response.status !== 200) throw fail(response.status, response.headers, url, `${path} of ${repo} at ${ref}`);
      const bytes = response.bytes;
      const blob = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
      if (blob !== meta.data.sha) {
        throw new ToolError('TOOL_CHECKSUM_MISMATCH', `${url.href} sent ${path} with git blob id ${blob}, but GitHub lists ${meta.data.sha} for it`, {
          hint: 'Nothing was changed; the download was corrupt or tampered with. Try again',
        });
      }
      return { sha: blob, text: bytes.toString('utf8') };
    },
    async attestations(repo, sha256) {
      if (mode.cacheOnly) throw notCached(`the attestations of ${repo}`);
      const url = apiUrl(`/repos/${repo}/attestations/sha256:${sha256}`);
      const list = (await getJson<{ attestations?: unknown }>(url, `the attestations of ${repo} for sha256:${sha256}`, true))?.data.attestations;
      return Array.isArray(list) ? list.map((item: { bundle?: unknown } | null) => item?.bundle) : [];
    },
    async rateLimit() {
      if (mode.cacheOnly) throw notCached('the rate limit');
      const url = apiUrl('/rate_limit');
      // A status question, asked once: `tool doctor` should not wait through backoff on a failing server.
      const response = await httpGet(url, { ...options, retries: 0, headers: API_HEADERS });
      if (response.status !== 200) {
        await response.discard();
        // GitHub Enterprise answers 404 when rate limiting is off.
        if (response.status === 404) return undefined;
        throw fail(response.status, response.headers, url, 'the rate limit');
      }
      const core = (JSON.parse(await response.text()) as { resources?: { core?: Partial<RateLimit> } }).resources?.core;
      if (typeof core?.limit !== 'number' || typeof core.remaining !== 'number') {
        throw new ToolError('TOOL_SERVER_ERROR', `${url.href} answered without resources.core.limit and remaining`, { hint: 'Try again later' });
      }
      return { limit: core.limit, remaining: core.remaining, used: core.used ?? core.limit - core.remaining, reset: core.reset ?? 0 };
    },
    async fetchText(asset) {
      const stream = await openAsset(asset);
      const chunks: Buffer[] = [];
      for await (const chunk of stream.body) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
