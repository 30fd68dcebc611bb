/**
 * One GET over Node's own http/https. Node's parser is native; undici parses
 * with llhttp compiled from WebAssembly at first use, which measured here as
 * +130 ms and +46 MB of peak RSS for a single request (scripts/bench: small
 * `tool add`), more than the rest of an install together.
 */
import { request as httpRequest, Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';

/** Idle limit for connecting, waiting for headers and between body chunks. */
const IDLE_TIMEOUT_MS = 30_000;

// Keep-alive for the API's several requests; Node unrefs idle pooled sockets, so
// a finished command does not wait on them.
// Each is made on first use: an http-only install never loads tls.
let httpAgent: HttpAgent | undefined;
let httpsAgent: HttpsAgent | undefined;

export class IdleTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(url: URL) {
    super(`no data from ${url.host} for ${IDLE_TIMEOUT_MS / 1000} s`);
  }
}

/** Sends a GET and resolves when the response headers arrive; the body is the caller's to read. */
export function get(url: URL, headers: Record<string, string>): Promise<IncomingMessage> {
  const secure = url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  const agent = secure ? (httpsAgent ??= new HttpsAgent({ keepAlive: true })) : (httpAgent ??= new HttpAgent({ keepAlive: true }));
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'GET', headers, agent }, (response) => {
      // A body that stalls later fails its reader instead of hanging it.
      response.socket.setTimeout(IDLE_TIMEOUT_MS, () => response.destroy(new IdleTimeoutError(url)));
      response.once('end', () => response.socket?.setTimeout(0));
      resolve(response);
    });
    request.setTimeout(IDLE_TIMEOUT_MS, () => request.destroy(new IdleTimeoutError(url)));
    request.once('error', reject);
    request.end();
  });
}

export async function readText(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
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
