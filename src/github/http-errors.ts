/** Turning HTTP failures into ToolErrors a user can act on; pure. */
import { ToolError } from '../core/errors.js';

export function isRetryableStatus(status: number): boolean {
  return status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * Failures that say "not reachable from here" rather than "try again": nobody
 * listens, the name does not exist, DNS cannot be asked, there is no route.
 * Retrying them only makes an offline machine wait (3.5 s with the default
 * backoff, more when each DNS lookup itself times out) for the same answer.
 */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);

/** The errno-style code of a network error; a name with several addresses fails with an AggregateError of one per address. */
export function networkErrorCode(error: unknown): string | undefined {
  const { code, errors } = (error ?? {}) as { code?: unknown; errors?: unknown[] };
  const found = code ?? (Array.isArray(errors) ? (errors[0] as { code?: unknown } | undefined)?.code : undefined);
  return typeof found === 'string' ? found : undefined;
}

export function isUnreachable(error: unknown): boolean {
  const code = networkErrorCode(error);
  return code !== undefined && UNREACHABLE.has(code);
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'the connection was closed',
  ENETDOWN: 'network down',
};

export function describeNetworkError(error: unknown): string {
  // The transport's own idle timeout says how long it waited, and for which host.
  if (error instanceof Error && error.name === 'IdleTimeoutError') return error.message;
  const code = networkErrorCode(error);
  if (code && NETWORK_WORDS[code]) return `${NETWORK_WORDS[code]} (${code})`;
  if (error && typeof error === 'object') {
    const message = (error as { message?: unknown }).message;
    if (code && typeof message === 'string') return `${code} (${message})`;
    if (typeof message === 'string') return message;
  }
  return String(error);
}

/** When to try again: retry-after (secondary limits) wins over the hourly reset. */
function resetTime(headers: Record<string, string | undefined>, now: Date): string | undefined {
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return `retry after ${retryAfter} s`;
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) {
    const minutes = Math.max(1, Math.ceil((reset * 1000 - now.getTime()) / 60_000));
    return `it resets at ${new Date(reset * 1000).toISOString()} (in ${minutes} min)`;
  }
  return undefined;
}

/** A 403/429 that is GitHub's rate limit, or undefined when it is another kind of refusal. */
export function rateLimitError(
  status: number,
  headers: Record<string, string | undefined>,
  url: URL,
  hasToken: boolean,
  now = new Date(),
): ToolError | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const exhausted = headers['x-ratelimit-remaining'] === '0';
  if (!exhausted && headers['retry-after'] === undefined && status !== 429) return undefined;
  const when = resetTime(headers, now);
  if (!exhausted) {
    // A secondary limit (too many requests too fast): a token does not lift it.
    return new ToolError('TOOL_RATE_LIMITED', `GitHub asks to slow down (secondary rate limit, ${status}) for ${url.origin}${when ? `; ${when}` : ''}`, {
      hint: 'Wait and try again; retrying at once makes it worse',
    });
  }
  const limit = headers['x-ratelimit-limit'];
  const hint = hasToken ? 'Wait until then and try again' : 'Wait until then, or set GITHUB_TOKEN (or GH_TOKEN) to raise the limit from 60 to 5000 requests an hour';
  return new ToolError('TOOL_RATE_LIMITED', `GitHub rate limit reached${limit ? ` (${limit} requests/hour)` : ''} for ${url.origin}${when ? `; ${when}` : ''}`, { hint });
}

/** Any other unexpected status, as one clear line. */
export function statusError(status: number, url: URL, what: string): ToolError {
  if (status >= 500) {
    return new ToolError('TOOL_SERVER_ERROR', `${url.href} answered ${status} while fetching ${what}, after retries`, {
      hint: 'GitHub (or TOOL_GITHUB_API_URL) is having trouble; try again later',
    });
  }
  if (status === 401) {
    return new ToolError('TOOL_NETWORK', `${url.href} refused the token (401) while fetching ${what}`, {
      hint: 'Check GITHUB_TOKEN / GH_TOKEN, or unset it for public repositories',
    });
  }
  if (status === 403) {
    return new ToolError('TOOL_NETWORK', `${url.href} refused access (403) while fetching ${what}`, {
      hint: 'For a private repository set GITHUB_TOKEN (or GH_TOKEN) to a token that can read it',
    });
  }
  return new ToolError('TOOL_NETWORK', `${url.href} answered ${status} while fetching ${what}`, {
    hint: 'Try again later; if it persists, check TOOL_GITHUB_API_URL',
  });
}
