/**
 * NO_PROXY, read the way curl and Go read it: a comma or space separated list
 * of `*` (no proxy for anything), host names (`example.com` and `.example.com`
 * both mean the host and every name under it; a leading `*.` is tolerated),
 * `host:port` (that port only), and IP literals (`10.0.0.1`, `[::1]` or `::1`,
 * matched exactly). Case does not matter. Pure: no lookups, the URL alone decides.
 */

export interface NoProxyEntry {
  /** As the user wrote it, for doctor and messages. */
  text: string;
  /** Lower case, without leading dots or `*.`, brackets or a trailing dot; "*" for everything. */
  host: string;
  port: string | undefined;
}

function stripBrackets(host: string): string {
  return host.replace(/^\[|\]$/g, '');
}

function parseEntry(text: string): NoProxyEntry {
  let rest = text.toLowerCase();
  let port: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest);
  if (bracketed) return { text, host: bracketed[1]!, port: bracketed[2] };
  // One colon: host:port. More than one: a bare IPv6 literal, which has no port.
  const hostPort = /^([^:]+):(\d+)$/.exec(rest);
  if (hostPort) {
    rest = hostPort[1]!;
    port = hostPort[2];
  }
  const host = rest === '*' ? '*' : rest.replace(/^\*?\.+/, '').replace(/\.$/, '');
  return { text, host, port };
}

export function parseNoProxy(value: string | undefined): NoProxyEntry[] {
  if (!value) return [];
  return value
    .split(/[\s,]+/)
    .filter((text) => text !== '')
    .map(parseEntry)
    .filter((entry) => entry.host !== '');
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** An address is never a suffix of another: 3.4 must not match 1.2.3.4. */
function isIpLiteral(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');
}

function hostMatches(entryHost: string, host: string): boolean {
  return host === entryHost || (!isIpLiteral(host) && host.endsWith(`.${entryHost}`));
}

/** The first entry that sends `url` direct, or undefined when the proxy applies. */
export function noProxyMatch(url: URL, entries: readonly NoProxyEntry[]): NoProxyEntry | undefined {
  const host = stripBrackets(url.hostname.toLowerCase()).replace(/\.$/, '');
  return entries.find((entry) => {
    if (entry.host === '*') return true;
    if (entry.port !== undefined && entry.port !== defaultPort(url)) return false;
    return hostMatches(entry.host, host);
  });
}
