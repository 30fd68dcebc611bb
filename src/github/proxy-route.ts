/**
 * Requests through an http:// forward proxy, with Node's own http and tls
 * (undici's proxy agent costs its ~130 ms load; see http-transport.ts).
 *
 * - An https target goes through a CONNECT tunnel: the proxy is asked to open a
 *   TCP connection to host:port, and TLS runs over it end to end with the
 *   target's name, so the proxy sees neither the request nor the token. The
 *   tunnelled TLS sockets are pooled per target (keep-alive) like direct ones.
 * - A plain http target (loopback test servers only) is asked of the proxy
 *   with the absolute URL as the request target.
 *
 * Credentials in the proxy URL go as Proxy-Authorization to the proxy alone.
 * A proxy that cannot be reached or refuses becomes one line naming it
 * (password redacted) with what to check; it is not retried.
 */
import { Agent as HttpAgent, request as httpRequest, STATUS_CODES, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, type SecureContext } from 'node:tls';
import { ToolError } from '../core/errors.js';
import type { Proxy } from '../env/proxy-settings.js';
import { describeNetworkError, isUnreachable } from './http-errors.js';
import { IdleTimeoutError, lookup, type Route } from './http-transport.js';
import { certificateFailure } from './tls-errors.js';

export interface ProxyRouteOptions {
  proxy: Proxy;
  timeoutMs: number;
  secureContext: SecureContext | undefined;
}

function proxyAuthorization(proxy: Proxy): Record<string, string> {
  const { username, password } = proxy.url;
  if (!username && !password) return {};
  const pair = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(pair).toString('base64')}` };
}

const proxyPort = (proxy: Proxy) => Number(proxy.url.port || 80);
const proxyHost = (proxy: Proxy) => proxy.url.hostname.replace(/^\[|\]$/g, '');

function refusalHint(proxy: Proxy, status: number, target: string): string {
  if (status === 407) return `Put the user and password in the proxy URL (${proxy.variable}=http://USER:PASSWORD@${proxy.url.host}), or check them`;
  if (status === 403) return `The proxy does not allow ${target}; ask whoever runs it, or list the host in NO_PROXY if it is reachable directly`;
  if (status >= 500) return `The proxy could not reach ${target}; check the address, and whether the proxy can reach it`;
  return `Check ${proxy.variable}, or list the host in NO_PROXY if it is reachable directly`;
}

/** The proxy answered a request for `target` with `status` instead of passing it on. */
export function proxyRefused(proxy: Proxy, status: number, target: string): ToolError {
  return new ToolError('TOOL_NETWORK', `the proxy ${proxy.shown} (${proxy.variable}) refused ${target}: ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd(), {
    hint: refusalHint(proxy, status, target),
  });
}

/** No connection to the proxy itself; the cause is kept so a batch knows it is offline. */
function proxyUnreachable(proxy: Proxy, error: unknown): ToolError {
  return new ToolError('TOOL_NETWORK', `cannot reach the proxy ${proxy.shown} (${proxy.variable}): ${describeNetworkError(error)}`, {
    hint: `Check that the proxy runs and that ${proxy.variable} names it, or unset ${proxy.variable}; hosts in NO_PROXY are reached directly`,
    cause: error,
  });
}

/** An https.Agent whose connections are CONNECT tunnels through one proxy. */
class TunnelAgent extends HttpsAgent {
  constructor(private readonly route: ProxyRouteOptions) {
    super({ keepAlive: true });
  }

  override createConnection(options: RequestOptions, callback?: (error: Error | null, stream: Duplex) => void): undefined {
    const { proxy, timeoutMs } = this.route;
    const host = String(options.host);
    const target = `${host.includes(':') ? `[${host}]` : host}:${options.port}`;
    const done = callback as (error: Error | null, stream?: Duplex) => void;
    const connect = httpRequest({ host: proxyHost(proxy), port: proxyPort(proxy), method: 'CONNECT', path: target, headers: { host: target, ...proxyAuthorization(proxy) }, agent: false, lookup });
    connect.setTimeout(timeoutMs, () => connect.destroy(new IdleTimeoutError(proxy.url, timeoutMs)));
    connect.once('connect', (response, socket) => {
      connect.setTimeout(0);
      if (response.statusCode !== 200) {
        socket.destroy();
        return done(proxyRefused(proxy, response.statusCode ?? 0, target));
      }
      // Node's Agent hands this socket to the request, which keeps its own timeouts on it.
      done(null, tlsConnect({ ...(options as object), socket }));
    });
    connect.once('error', (error) => done(isUnreachable(error) ? proxyUnreachable(proxy, error) : error));
    connect.end();
    return undefined;
  }
}

// One agent per proxy for the whole process (the variables do not change while it runs).
const tunnels = new Map<string, TunnelAgent>();
const plainAgents = new Map<string, HttpAgent>();

/** The route for `url` through `options.proxy`; see the module comment for the two kinds. */
export function proxyRoute(url: URL, headers: Record<string, string>, options: ProxyRouteOptions): Route {
  const { proxy } = options;
  const secure = url.protocol === 'https:';
  const explain = (error: unknown) => {
    if (error instanceof ToolError) return error;
    if (!secure && isUnreachable(error)) return proxyUnreachable(proxy, error);
    return certificateFailure(error, url) ?? error;
  };
  if (secure) {
    let agent = tunnels.get(proxy.url.href);
    if (!agent) tunnels.set(proxy.url.href, (agent = new TunnelAgent(options)));
    const tls = options.secureContext ? { secureContext: options.secureContext } : {};
    return { secure, options: { agent, ...tls }, explain };
  }
  let agent = plainAgents.get(proxy.url.href);
  if (!agent) plainAgents.set(proxy.url.href, (agent = new HttpAgent({ keepAlive: true })));
  return {
    secure,
    options: { agent, lookup, hostname: proxyHost(proxy), host: proxyHost(proxy), port: proxyPort(proxy), path: url.href, headers: { ...headers, host: url.host, ...proxyAuthorization(proxy) } },
    explain,
    refusal: (status) => (status === 407 ? proxyRefused(proxy, status, url.host) : undefined),
  };
}
