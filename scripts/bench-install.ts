/**
 * `npm run bench:install`: installing a large tar.gz from the local release
 * server with `tool add` (download → SHA-256 → gunzip → tar, one stream, plus
 * checksum lookup, staging and publish) against `curl -sL URL | tar xz`, in
 * interleaved rounds on the same machine. Prints medians and the ratio.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeTar } from '../test/support/archives.js';
import { fakeToolScript } from '../test/support/fixture-tools.js';
import { startReleaseServer } from '../test/support/release-server.js';
import { CLI } from '../test/support/sandbox.js';

const MB = Number(process.env.BENCH_MB ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const root = realpathSync(mkdtempSync(join(tmpdir(), 'tool-bench-install-')));
const server = await startReleaseServer();

/** Compressible like a real binary (about 2:1), not random noise and not zeros. */
function payload(bytes: number): Buffer {
  const data = randomBytes(bytes);
  for (let i = 0; i < data.length; i++) data[i] = data[i]! & 0x1f;
  return data;
}

function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - start) / 1e6) : reject(new Error(`${command} failed: ${stderr}`))));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  const archive = gzipSync(makeTar([
    { path: 'big-1.0.0/', type: 'dir' },
    { path: 'big-1.0.0/big', body: fakeToolScript('big', '1.0.0'), mode: 0o755 },
    { path: 'big-1.0.0/data.bin', body: payload(MB * 1024 * 1024) },
  ]), { level: 6 });
  server.addRelease('bench/big', { tag: 'v1.0.0', assets: [{ name: 'big_1.0.0_linux_amd64.tar.gz', body: archive }] });
  const release = (await (await fetch(`${server.apiUrl}/repos/bench/big/releases/latest`, { headers: { 'user-agent': 'bench' } })).json()) as { assets: { browser_download_url: string }[] };
  const url = release.assets[0]!.browser_download_url;
  const samples: Record<string, number[]> = { 'tool add (stream: sha256 + gunzip + tar)': [], 'curl -sL | tar xz': [] };
  for (let round = 0; round < ROUNDS; round++) {
    const home = join(root, `home-${round}`);
    const env = { ...process.env, TOOL_HOME: home, TOOL_GITHUB_API_URL: server.apiUrl, TOOL_OS: 'linux', TOOL_ARCH: 'x64', TOOL_LIBC: 'gnu' };
    samples['tool add (stream: sha256 + gunzip + tar)']!.push(await timed(process.execPath, [CLI, 'add', 'bench/big'], env));
    const dest = join(root, `curl-${round}`);
    mkdirSync(dest);
    samples['curl -sL | tar xz']!.push(await timed('sh', ['-c', `curl -sfL '${url}' | tar xz -C '${dest}'`], env));
    rmSync(home, { recursive: true, force: true });
    rmSync(dest, { recursive: true, force: true });
  }
  console.log(`${(archive.length / 1024 / 1024).toFixed(0)} MB tar.gz (${MB} MB unpacked), ${ROUNDS} interleaved rounds, median wall time`);
  const base = median(samples['curl -sL | tar xz']!);
  for (const [name, values] of Object.entries(samples)) {
    console.log(`${name.padEnd(42)} ${median(values).toFixed(0).padStart(6)} ms  ${(median(values) / base).toFixed(2)}x curl | tar`);
  }
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
