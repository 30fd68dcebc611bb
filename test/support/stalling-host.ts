/** A download host that sends half of a real archive and then stalls, so an install can be interrupted mid-download. */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { makeTarGz } from './archives.js';

export interface StallingHost {
  url: string;
  size: number;
  close(): Promise<void>;
}

export async function startStallingHost(): Promise<StallingHost> {
  const body = makeTarGz([{ path: 'widget', body: Buffer.alloc(2_000_000, 'x'), mode: 0o755 }]);
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.length) });
    res.write(body.subarray(0, body.length >> 1));
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/widget_1.0.0_linux_amd64.tar.gz`,
    size: body.length,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
