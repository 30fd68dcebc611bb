/**
 * A loopback proxy in front of the fake GitHub API that proves concurrency
 * without measuring time: requests whose path matches `hold` wait until `want`
 * of them are in flight at once, then all go on. A client that sends one at a
 * time never gets there, and each of its requests goes on after `timeoutMs`
 * (slow, not hung). `maxInFlight` is the most matching requests ever open at
 * once (from arrival to the end of the response), which also shows a bound.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingProxyOptions {
  hold: RegExp;
  want: number;
  timeoutMs?: number;
  /** Let this many matching requests through without holding them (a client's deliberate lone first request). */
  skip?: number;
}

export interface HoldingProxy {
  /** Set TOOL_GITHUB_API_URL to this. */
  url: string;
  maxInFlight: number;
  /** Matching requests seen, in arrival order. */
  matched: string[];
  close(): Promise<void>;
}

function forward(target: URL, req: IncomingMessage, res: ServerResponse): void {
  const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

export async function startHoldingProxy(target: string, options: HoldingProxyOptions): Promise<HoldingProxy> {
  const base = new URL(target);
  const proxy: HoldingProxy = { url: '', maxInFlight: 0, matched: [], close: async () => {} };
  let inFlight = 0;
  let waiting: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (!options.hold.test(path)) return forward(base, req, res);
    proxy.matched.push(path);
    if (proxy.matched.length <= (options.skip ?? 0)) return forward(base, req, res);
    inFlight++;
    proxy.maxInFlight = Math.max(proxy.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    let started = false;
    const go = () => {
      if (started) return;
      started = true;
      forward(base, req, res);
    };
    if (inFlight >= options.want) {
      const ready = waiting;
      waiting = [];
      for (const release of ready) release();
      return go();
    }
    waiting.push(go);
    setTimeout(go, options.timeoutMs ?? 3000).unref();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}
