/**
 * A real forward proxy for the tests (the `proxy` package: what squid does,
 * CONNECT tunnels included), with a log of what it was asked: one line per
 * CONNECT ("CONNECT host:port") and per plain request ("GET http://…"), and
 * the headers each carried. With `credentials` it demands them
 * (407 otherwise), as an authenticating corporate proxy does.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';

export interface ForwardProxy {
  /** http://127.0.0.1:PORT, without credentials. */
  url: string;
  port: number;
  /** What was asked of it, in order. */
  log: string[];
  /** The headers of each entry in `log`, as the proxy received them. */
  headers: IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function startForwardProxy(options: { credentials?: { user: string; password: string } } = {}): Promise<ForwardProxy> {
  const server = createProxy(createServer());
  const log: string[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const note = (req: IncomingMessage) => {
    log.push(`${req.method} ${req.url}`);
    headers.push(req.headers);
  };
  // Tunnels leave the server's own bookkeeping: end them by hand at close.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Before the proxy's own listeners run: prepend, so a refused request is logged too.
  server.prependListener('connect', note);
  server.prependListener('request', note);
  const { credentials } = options;
  if (credentials) {
    const expected = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
    server.authenticate = (req) => req.headers['proxy-authorization'] === expected;
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
