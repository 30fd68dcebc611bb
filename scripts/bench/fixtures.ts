/** Releases the benchmark installs: small raw tools, a tool for the shim rows, and big tar.gz archives made on the fly. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { makeTar } from '../../test/support/archives.js';
import { fakeToolScript, fixtureRelease } from '../../test/support/fixture-tools.js';
import type { ReleaseServer } from '../../test/support/release-server.js';

export const SMALL_TOOLS = Array.from({ length: 10 }, (_, i) => `bench/small${i}`);

/** Ten 4 kB tools with digests, as most small CLIs publish them. */
export function addSmallTools(server: ReleaseServer): void {
  for (const repo of SMALL_TOOLS) {
    const exe = repo.split('/')[1]!;
    server.addRelease(repo, fixtureRelease({ tag: 'v1.0.0', exeName: exe, version: '1.0.0', assets: [{ name: `${exe}_linux_amd64`, format: 'raw' }] }));
  }
  server.addRelease('bench/truebin', { tag: 'v1.0.0', assets: [{ name: 'truebin_linux_amd64', body: readFileSync('/bin/true') }] });
}

/** Compressible like a real binary (about 2:1), not random noise and not zeros. */
function payload(bytes: number): Buffer {
  const data = randomBytes(bytes);
  for (let i = 0; i < data.length; i++) data[i] = data[i]! & 0x1f;
  return data;
}

/** A tar.gz of about `megabytes` compressed, with one executable and a data file; returns its download URL. */
export async function addBigTool(server: ReleaseServer, name: string, megabytes: number): Promise<string> {
  // The payload compresses to about 0.6 of its size at level 6.
  const archive = gzipSync(makeTar([
    { path: `${name}-1.0.0/`, type: 'dir' },
    { path: `${name}-1.0.0/${name}`, body: fakeToolScript(name, '1.0.0'), mode: 0o755 },
    { path: `${name}-1.0.0/data.bin`, body: payload(Math.round((megabytes / 0.6) * 1024 * 1024)) },
  ]), { level: 6 });
  server.addRelease(`bench/${name}`, { tag: 'v1.0.0', assets: [{ name: `${name}_1.0.0_linux_amd64.tar.gz`, body: archive }] });
  const release = (await (await fetch(`${server.apiUrl}/repos/bench/${name}/releases/latest`, { headers: { 'user-agent': 'bench' } })).json()) as { assets: { browser_download_url: string; size: number }[] };
  return release.assets[0]!.browser_download_url;
}
