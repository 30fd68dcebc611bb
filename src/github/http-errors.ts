/** Turning HTTP failures into ToolErrors a user can act on; pure. */
import { ToolError } from '../core/errors.js';

export function isRetryableStatus(status: number): boolean {
  return status === 500 || status === 502 || status === 503 || status === 504;
}

export function describeNetworkError(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    const message = (error as { message?: unknown }).message;
    if (typeof code === 'string' && typeof message === 'string') return `${code} (${message})`;
    if (typeof message === 'string') return message;
  }
  return String(error);
}

function resetTime(headers: Record<string, string | undefined>, now: Date): string | undefined {
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) {
    const minutes = Math.max(1, Math.ceil((reset * 1000 - now.getTime()) / 60_000));
    return `it resets at ${new Date(reset * 1000).toISOString()} (in ${minutes} min)`;
  }
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return `retry after ${retryAfter} s`;
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
  const limit = headers['x-ratelimit-limit'];
  const hint = hasToken
    ? `Wait${when ? ` (${when})` : ''} and try again`
    : `Wait${when ? ` (${when})` : ''}, or set GITHUB_TOKEN (or GH_TOKEN) to raise the limit from 60 to 5000 requests an hour`;
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
  return new ToolError('TOOL_NETWORK', `${url.href} answered ${status} while fetching ${what}`, {
    hint: 'Check the tool name and try again',
  });
}
