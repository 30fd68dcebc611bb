/**
 * HTTP GET with the policies a GitHub client needs. Redirects are followed by hand so that the token is attached only to
 * the origin it was meant for (GitHub's CDN rejects it, and it must not leak),
 * and so that every hop is checked to be https (http only on loopback).
 * 5xx answers and network failures are retried with exponential backoff.
 */
import type { Readable } from 'node:stream';
import { ToolError } from '../core/errors.js';
import { assertSafeUrl } from '../env/settings.js';
import { describeNetworkError, isRetryableStatus, isUnreachable } from './http-errors.js';
import { discard, get, readText } from './http-transport.js';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: Readable;
  /** Where the bytes finally came from, after redirects. */
  url: URL;
  text(): Promise<string>;
  discard(): Promise<void>;
}

export interface HttpOptions {
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer` only while the request stays on `origin`. */
  auth?: { token: string; origin: string };
  retries: number;
  retryDelayMs: number;
}

const MAX_REDIRECTS = 5;

function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(raw)) out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

async function once(url: URL, options: HttpOptions): Promise<HttpResponse> {
  const headers: Record<string, string> = { 'user-agent': 'tool-version-manager', ...options.headers };
  if (options.auth && url.origin === options.auth.origin) headers.authorization = `Bearer ${options.auth.token}`;
  const response = await get(url, headers);
  return {
    status: response.statusCode ?? 0,
    headers: flatHeaders(response.headers),
    body: response,
    url,
    text: () => readText(response),
    discard: () => discard(response),
  };
}

async function followRedirects(start: URL, options: HttpOptions): Promise<HttpResponse> {
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    assertSafeUrl(url, hop === 0 ? 'URL' : 'redirect to');
    const response = await once(url, options);
    const location = response.headers.location;
    if (![301, 302, 303, 307, 308].includes(response.status) || !location) return response;
    await response.discard();
    url = new URL(location, url);
  }
  throw new ToolError('TOOL_NETWORK', `${start.href} redirected more than ${MAX_REDIRECTS} times`, {
    hint: 'The server is misconfigured; try again later',
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET with redirects and retries. Non-2xx answers that are not retried are returned to the caller. */
export async function httpGet(url: URL, options: HttpOptions): Promise<HttpResponse> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await sleep(options.retryDelayMs * 2 ** (attempt - 1));
    try {
      const response = await followRedirects(url, options);
      if (!isRetryableStatus(response.status) || attempt === options.retries) return response;
      await response.discard();
      lastError = undefined;
    } catch (error) {
      if (error instanceof ToolError) throw error;
      lastError = error;
      if (isUnreachable(error)) break;
    }
  }
  throw new ToolError('TOOL_NETWORK', `cannot reach ${url.origin}: ${describeNetworkError(lastError)}`, {
    hint: 'Check the network connection (and TOOL_GITHUB_API_URL if set), then try again',
    cause: lastError,
  });
}
