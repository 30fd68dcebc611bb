/**
 * Preloaded into a CLI process (NODE_OPTIONS=--import=<connectCounterUrl>) to
 * count its outgoing TCP connection attempts, refused ones included: one line
 * "host:port" per net.connect call, appended to $TOOL_TEST_CONNECT_LOG. Node's
 * http and https open every connection through net.connect / tls.connect of the
 * shared CommonJS modules.
 */
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Net from 'node:net';

export const connectCounterUrl = import.meta.url;

const log = process.env.TOOL_TEST_CONNECT_LOG;
if (log) {
  const net = createRequire(import.meta.url)('node:net') as typeof Net;
  const connect = net.connect as (...args: unknown[]) => Net.Socket;
  // http.Agent keeps the net.createConnection it saw when loaded: patch both names before it loads.
  net.connect = net.createConnection = function counted(this: unknown, ...args: unknown[]): Net.Socket {
    const first = args[0] as { host?: string; port?: number } | number | string;
    const where = typeof first === 'object' ? `${first.host ?? 'localhost'}:${first.port}` : `${String(args[1] ?? 'localhost')}:${first}`;
    appendFileSync(log, `${where}\n`);
    return connect.apply(this, args);
  } as typeof net.connect;
}
