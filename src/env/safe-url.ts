/**
 * Which URLs tool may fetch: https anywhere, plain http only to this machine
 * (the test release server). Decided from the URL alone, before any lookup.
 */
import { ToolError } from '../core/errors.js';

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** https anywhere; plain http only to this machine (the test release server). Decided from the URL alone, before any lookup. */
export function isSafeUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

export function assertSafeUrl(url: URL, what: string): void {
  if (isSafeUrl(url)) return;
  throw new ToolError('TOOL_INSECURE_URL', `${what} ${url.href} is not https`, {
    hint: 'Only https URLs are allowed (plain http only for 127.0.0.1/localhost)',
  });
}
