/**
 * A stand-in for an organisation's artifact cache (an Artifactory or Nexus
 * remote repository of GitHub releases): a loopback server that answers the
 * paths it was given with their bytes, 404 otherwise, and logs every request
 * with its headers.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MirrorServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Serve `body` at `path` ("/github/acme/widget/releases/download/v1.0.0/widget.tar.gz"). */
  put(path: string, body: Buffer): void;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export async function startMirrorServer(): Promise<MirrorServer> {
  const files = new Map<string, Buffer>();
  const requests: MirrorServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '/', headers: req.headers });
    const body = files.get(req.url ?? '/');
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not in the cache\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    put: (path, body) => void files.set(path, body),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
