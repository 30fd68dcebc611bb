/**
 * One GET over Node's own http/https. Node's parser is native; undici parses
 * with llhttp compiled from WebAssembly at first use, which measured here as
 * +130 ms and +46 MB of peak RSS for a single request (scripts/bench: small
 * `tool add`), more than the rest of an install together.
 */
import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, Agent as HttpAgent, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { SecureContext } from 'node:tls';
import { decideProxy, type ProxySettings } from '../env/proxy-settings.js';
import { certificateFailure } from './tls-errors.js';

// Keep-alive for the API's several requests; Node unrefs idle pooled sockets, so
// a finished command does not wait on them.
// Each is made on first use: an http-only install never loads tls.
let httpAgent: HttpAgent | undefined;
let httpsAgent: HttpsAgent | undefined;

export class IdleTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(url: URL, timeoutMs: number) {
    super(`no data from ${url.host} for ${timeoutMs / 1000} s`);
    this.name = 'IdleTimeoutError';
  }
}

/**
 * RFC 6761 §6.4: resolvers should answer names under .invalid negatively at
 * once. glibc sends them to the configured name server like any other name;
 * answering here keeps a misspelt or deliberately invalid host off the network.
 */
export const lookup: LookupFunction = (hostname, options, callback) => {
  if (/(^|\.)invalid\.?$/i.test(hostname)) {
    const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
    error.code = 'ENOTFOUND';
    error.syscall = 'getaddrinfo';
    process.nextTick(() => callback(error, ''));
    return;
  }
  dnsLookup(hostname, options, callback);
};

/** How requests leave this machine (see network.ts): a proxy, extra trusted roots. Empty: direct, Node's roots. */
export interface Transport {
  proxies?: ProxySettings | undefined;
  /** Node's roots plus a private CA's; undefined: Node's defaults (with NODE_EXTRA_CA_CERTS). */
  secureContext?: SecureContext | undefined;
}

/** One request's way out: its options, and the line a failure on that way becomes. */
export interface Route {
  secure: boolean;
  options: RequestOptions;
  /** A failure as the user should see it (a proxy that refused, an untrusted certificate), else as it is. */
  explain(error: unknown): unknown;
  /** An answer that is the proxy's own refusal (407), as an error; undefined for a real answer. */
  refusal?(status: number): Error | undefined;
}

function directRoute(url: URL, transport: Transport): Route {
  const secure = url.protocol === 'https:';
  const agent = secure ? (httpsAgent ??= new HttpsAgent({ keepAlive: true })) : (httpAgent ??= new HttpAgent({ keepAlive: true }));
  const tls = secure && transport.secureContext ? { secureContext: transport.secureContext } : {};
  return { secure, options: { agent, lookup, ...tls }, explain: (error) => certificateFailure(error, url) ?? error };
}

/** The proxy code loads only when a request goes through a proxy: no cost without one. */
async function routeFor(url: URL, headers: Record<string, string>, timeoutMs: number, transport: Transport): Promise<Route> {
  const decision = transport.proxies ? decideProxy(url, transport.proxies) : undefined;
  if (decision?.kind !== 'proxy') return directRoute(url, transport);
  const { proxyRoute } = await import('./proxy-route.js');
  return proxyRoute(url, headers, { proxy: decision.proxy, timeoutMs, secureContext: transport.secureContext });
}

/**
 * Sends a GET and resolves when the response headers arrive; the body is the
 * caller's to read. `timeoutMs` bounds every silence: connecting, waiting for
 * the headers, and each gap between body chunks (a stalled body fails its reader).
 * The route is chosen per call, so each redirect hop gets its own proxy decision.
 */
export async function get(url: URL, headers: Record<string, string>, timeoutMs: number, transport: Transport = {}): Promise<IncomingMessage> {
  const route = await routeFor(url, headers, timeoutMs, transport);
  const send = route.secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'GET', headers, ...route.options }, (response) => {
      const refused = route.refusal?.(response.statusCode ?? 0);
      if (refused) {
        response.resume();
        return reject(refused);
      }
      response.socket.setTimeout(timeoutMs, () => response.destroy(new IdleTimeoutError(url, timeoutMs)));
      response.once('end', () => response.socket?.setTimeout(0));
      resolve(response);
    });
    request.setTimeout(timeoutMs, () => request.destroy(new IdleTimeoutError(url, timeoutMs)));
    // `on`, not `once`: a server that sends more than it announced makes the
    // socket fail again after the response, and an unheard 'error' would crash.
    request.on('error', (error) => reject(route.explain(error)));
    request.end();
  });
}

export async function readBytes(body: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function discard(response: IncomingMessage): Promise<void> {
  response.resume();
  if (response.complete || response.destroyed) return;
  await new Promise<void>((resolve) => {
    response.once('end', resolve);
    response.once('close', resolve);
    response.once('error', resolve);
  });
}
