/**
 * One GET over Node's own http/https. Node's parser is native; undici parses
 * with llhttp compiled from WebAssembly at first use, which measured here as
 * +130 ms and +46 MB of peak RSS for a single request (scripts/bench: small
 * `tool add`), more than the rest of an install together.
 */
import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import type { LookupFunction } from 'node:net';

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
const lookup: LookupFunction = (hostname, options, callback) => {
  if (/(^|\.)invalid\.?$/i.test(hostname)) {
    const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
    error.code = 'ENOTFOUND';
    error.syscall = 'getaddrinfo';
    process.nextTick(() => callback(error, ''));
    return;
  }
  dnsLookup(hostname, options, callback);
};

/**
 * Sends a GET and resolves when the response headers arrive; the body is the
 * caller's to read. `timeoutMs` bounds every silence: connecting, waiting for
 * the headers, and each gap between body chunks (a stalled body fails its reader).
 */
export function get(url: URL, headers: Record<string, string>, timeoutMs: number): Promise<IncomingMessage> {
  const secure = url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  const agent = secure ? (httpsAgent ??= new HttpsAgent({ keepAlive: true })) : (httpAgent ??= new HttpAgent({ keepAlive: true }));
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'GET', headers, agent, lookup }, (response) => {
      response.socket.setTimeout(timeoutMs, () => response.destroy(new IdleTimeoutError(url, timeoutMs)));
      response.once('end', () => response.socket?.setTimeout(0));
      resolve(response);
    });
    request.setTimeout(timeoutMs, () => request.destroy(new IdleTimeoutError(url, timeoutMs)));
    // `on`, not `once`: a server that sends more than it announced makes the
    // socket fail again after the response, and an unheard 'error' would crash.
    request.on('error', reject);
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
