/**
 * A minimal npm registry on 127.0.0.1 serving the packages of a node_modules
 * directory, so a test can `npm install` a packed tarball the way a user does
 * (dependencies resolved by their ranges, fetched from a registry) without
 * reaching the internet. npm's cache cannot stand in for it: `npm ci` caches
 * the dependency tarballs but not the registry documents a range is resolved
 * from, so `npm install --offline` of the tarball fails with ENOTCACHED.
 * Each package is packed from the copy `npm ci` installed: the bytes CI tested.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';

export interface NpmRegistry {
  url: string;
  /** Package names whose registry document npm asked for. */
  requested: Set<string>;
  close(): Promise<void>;
}

interface Published {
  manifest: Record<string, unknown>;
  tarball: Buffer;
}

type Manifest = { name: string; version: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };

/** `roots` and everything they depend on, as installed in `nodeModules` (npm ci's flat tree). */
function dependencyClosure(nodeModules: string, roots: string[]): Map<string, Manifest> {
  const found = new Map<string, Manifest>();
  const pending = [...roots];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (found.has(name)) continue;
    const manifest = JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8')) as Manifest;
    found.set(name, manifest);
    pending.push(...Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }));
  }
  return found;
}

/** A package tarball: npm strips the top directory, whatever its name. */
function pack(dir: string): Buffer {
  return execFileSync('tar', ['-czf', '-', '-C', dirname(dir), basename(dir)], { maxBuffer: 256 * 1024 * 1024 });
}

export async function startNpmRegistry(nodeModules: string, roots: string[]): Promise<NpmRegistry> {
  const packages = new Map<string, Published>();
  const requested = new Set<string>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const tarball = /^\/-\/tarball\/(.+)\.tgz$/.exec(path);
    const name = tarball ? tarball[1]! : path.slice(1);
    const found = packages.get(name);
    if (!found) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    if (tarball) {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': found.tarball.length }).end(found.tarball);
      return;
    }
    requested.add(name);
    const version = found.manifest.version as string;
    const document = { name, 'dist-tags': { latest: version }, versions: { [version]: found.manifest } };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [name, manifest] of dependencyClosure(nodeModules, roots)) {
    const tarball = pack(join(nodeModules, name));
    const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
    const dist = { tarball: `${url}/-/tarball/${encodeURIComponent(name)}.tgz`, integrity };
    packages.set(name, { manifest: { ...manifest, dist }, tarball });
  }
  return {
    url,
    requested,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
