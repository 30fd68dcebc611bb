/**
 * Preloaded into a CLI process (NODE_OPTIONS=--import=<connectCounterUrl>) to
 * count its outgoing TCP connection attempts, refused ones included: one line
 * "host:port" per net.connect or tls.connect call, appended to
 * $TOOL_TEST_CONNECT_LOG. Node's http opens every connection through
 * net.connect, https through tls.connect, each looked up on the shared
 * CommonJS module when called. With $TOOL_TEST_DNS_LOG set, every question to
 * the system resolver (dns.lookup, which net uses unless given its own) is
 * appended there as one host name a line.
 */
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Dns from 'node:dns';
import type * as Net from 'node:net';
import type * as Tls from 'node:tls';

export const connectCounterUrl = import.meta.url;

const require = createRequire(import.meta.url);
const log = process.env.TOOL_TEST_CONNECT_LOG;
const dnsLog = process.env.TOOL_TEST_DNS_LOG;

function where(first: unknown, second: unknown): string {
  if (typeof first === 'object' && first !== null) {
    const { host, port } = first as { host?: string; port?: number };
    return `${host ?? 'localhost'}:${port}`;
  }
  return `${String(second ?? 'localhost')}:${String(first)}`;
}

if (log) {
  const net = require('node:net') as typeof Net;
  const tls = require('node:tls') as typeof Tls;
  const connect = net.connect as (...args: unknown[]) => Net.Socket;
  // http.Agent keeps the net.createConnection it saw when loaded: patch both names before it loads.
  net.connect = net.createConnection = function counted(this: unknown, ...args: unknown[]): Net.Socket {
    appendFileSync(log, `${where(args[0], args[1])}\n`);
    return connect.apply(this, args);
  } as typeof net.connect;
  const tlsConnect = tls.connect as (...args: unknown[]) => Tls.TLSSocket;
  tls.connect = function counted(this: unknown, ...args: unknown[]): Tls.TLSSocket {
    appendFileSync(log, `${where(args[0], args[1])}\n`);
    return tlsConnect.apply(this, args);
  } as typeof tls.connect;
}

if (dnsLog) {
  const dns = require('node:dns') as typeof Dns;
  const lookup = dns.lookup as (...args: unknown[]) => void;
  dns.lookup = function counted(this: unknown, ...args: unknown[]): void {
    appendFileSync(dnsLog, `${String(args[0])}\n`);
    lookup.apply(this, args);
  } as typeof dns.lookup;
}
