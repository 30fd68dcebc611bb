/**
 * HTTP GET with the policies a GitHub client needs. Redirects are followed by hand so that the token is attached only to
 * the origin it was meant for (GitHub's CDN rejects it, and it must not leak),
 * and so that every hop is checked to be https (http only on loopback) before
 * anything connects to it.
 * 5xx answers and network failures are retried with exponential backoff.
 */
import type { Readable } from 'node:stream';
import { ToolError } from '../core/errors.js';
import { assertSafeUrl, isSafeUrl } from '../env/settings.js';
import { describeNetworkError, isRetryableStatus, isUnreachable } from './http-errors.js';
import { discard, get, readBytes, type Transport } from './http-transport.js';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: Readable;
  /** Where the bytes finally came from, after redirects. */
  url: URL;
  text(): Promise<string>;
  discard(): Promise<void>;
}

/** An answer read to its end. */
export interface HttpBytes {
  status: number;
  headers: Record<string, string | undefined>;
  url: URL;
  bytes: Buffer;
}

export interface HttpOptions {
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer` only while the request stays on `origin`. */
  auth?: { token: string; origin: string };
  retries: number;
  retryDelayMs: number;
  /** Longest silence allowed on a connection (TOOL_HTTP_TIMEOUT). */
  timeoutMs: number;
  /** Proxies and trusted roots (network.ts); absent: direct, Node's roots. */
  transport?: Transport;
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
  const response = await get(url, headers, options.timeoutMs, options.transport);
  return {
    status: response.statusCode ?? 0,
    headers: flatHeaders(response.headers),
    body: response,
    url,
    text: async () => (await readBytes(response)).toString('utf8'),
    discard: () => discard(response),
  };
}

/**
 * One GET, following redirects, without retries. Network failures reject with
 * Node's own error; policy refusals (an insecure hop, a redirect loop) with a ToolError.
 */
export async function httpGetOnce(start: URL, options: HttpOptions): Promise<HttpResponse> {
  assertSafeUrl(start, 'URL');
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await once(url, options);
    const location = response.headers.location;
    if (![301, 302, 303, 307, 308].includes(response.status) || !location) return response;
    await response.discard();
    const next = URL.parse(location, url);
    if (!next) {
      throw new ToolError('TOOL_NETWORK', `${url.href} redirected to ${JSON.stringify(location)}, which is not an address`, {
        hint: 'The server is misconfigured; try again later',
      });
    }
    if (!isSafeUrl(next)) {
      throw new ToolError('TOOL_INSECURE_URL', `${url.href} redirected to ${next.href}, which is not https; nothing was fetched from it`, {
        hint: 'Only https is followed off this machine (plain http only to loopback addresses); report the redirect to whoever runs that server',
      });
    }
    url = next;
  }
  throw new ToolError('TOOL_NETWORK', `${start.href} redirected more than ${MAX_REDIRECTS} times (last to ${url.href})`, {
    hint: 'The server is misconfigured; try again later',
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait before retry number `attempt` (1-based): retryDelayMs, then doubling. */
export function backoff(options: Pick<HttpOptions, 'retryDelayMs'>, attempt: number): Promise<unknown> {
  return sleep(options.retryDelayMs * 2 ** (attempt - 1));
}

/** Runs `attempt` until it answers with a status worth keeping, retrying 5xx and network failures. */
async function withRetries<T extends { status: number }>(url: URL, options: HttpOptions, attempt: () => Promise<T>, drop: (answer: T) => Promise<void>): Promise<T> {
  let lastError: unknown;
  for (let tries = 0; tries <= options.retries; tries++) {
    if (tries > 0) await backoff(options, tries);
    try {
      const answer = await attempt();
      if (!isRetryableStatus(answer.status) || tries === options.retries) return answer;
      await drop(answer);
      lastError = undefined;
    } catch (error) {
      if (error instanceof ToolError) throw error;
      lastError = error;
      if (isUnreachable(error)) break;
    }
  }
  const timedOut = (lastError as { code?: unknown } | undefined)?.code === 'ETIMEDOUT';
  throw new ToolError('TOOL_NETWORK', `cannot reach ${url.origin}: ${describeNetworkError(lastError)}`, {
    hint: timedOut
      ? 'The server stopped answering; try again later, or raise TOOL_HTTP_TIMEOUT (seconds) on a slow link'
      : 'Check the network connection (and TOOL_GITHUB_API_URL if set), then try again',
    cause: lastError,
  });
}

/** GET with redirects and retries; the body is the caller's to read. Non-2xx answers that are not retried are returned. */
export function httpGet(url: URL, options: HttpOptions): Promise<HttpResponse> {
  return withRetries(url, options, () => httpGetOnce(url, options), (response) => response.discard());
}

/**
 * GET with redirects and retries, the body read inside each attempt: a body
 * that breaks off or stalls is retried like a refused connection, instead of
 * failing whoever reads it later.
 */
export function httpGetBytes(url: URL, options: HttpOptions): Promise<HttpBytes> {
  const attempt = async (): Promise<HttpBytes> => {
    const response = await httpGetOnce(url, options);
    return { status: response.status, headers: response.headers, url: response.url, bytes: await readBytes(response.body) };
  };
  return withRetries(url, options, attempt, async () => {});
}
