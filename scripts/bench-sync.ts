/**
 * `npm run bench:sync`: a second machine bringing up a declared set of tools,
 * `tool sync --locked` (URLs and SHA-256s from tools.lock) against `tool sync`
 * with no lock (every version resolved through the API), in interleaved rounds
 * against the local release server. Prints medians, the ratio and the API
 * requests each made. Loopback has no network latency, so against
 * api.github.com the saved requests are worth more than this shows.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addRipgrep, addYtDlp } from '../test/support/catalog.js';
import { fixtureRelease } from '../test/support/fixture-tools.js';
import { startReleaseServer } from '../test/support/release-server.js';
import { CLI } from '../test/support/sandbox.js';

const TOOLS = Number(process.env.BENCH_TOOLS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const root = realpathSync(mkdtempSync(join(tmpdir(), 'tool-bench-sync-')));
const server = await startReleaseServer();

function tool(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - start) / 1e6) : reject(new Error(`tool ${args.join(' ')} failed: ${stderr}`))));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const apiRequests = () => server.requests.filter((request) => request.server === 'api').length;
const machine = (name: string, config: string): NodeJS.ProcessEnv => ({
  ...process.env, HOME: join(root, name), TOOL_HOME: join(root, name, 'home'), TOOL_CONFIG_DIR: config, TOOL_GITHUB_API_URL: server.apiUrl, TOOL_OS: 'linux', TOOL_ARCH: 'x64', TOOL_LIBC: 'gnu',
});

try {
  addRipgrep(server, '14.1.1');
  addYtDlp(server, '2024.08.06');
  const names = ['ripgrep', 'yt-dlp'];
  for (let i = names.length; i < TOOLS; i++) {
    server.addRelease(`bench/t${i}`, fixtureRelease({ tag: 'v1.0.0', exeName: `t${i}`, version: '1.0.0', assets: [{ name: `t${i}_linux_amd64`, format: 'raw' }, { name: `t${i}_darwin_arm64`, format: 'raw' }] }));
    names.push(`bench/t${i}`);
  }
  const locked = join(root, 'dotfiles');
  const machineA = machine('a', locked);
  for (const name of names) await tool(['add', name], machineA);
  const unlocked = join(root, 'dotfiles-without-lock');
  mkdirSync(unlocked);
  copyFileSync(join(locked, 'tools'), join(unlocked, 'tools'));
  const samples: Record<string, { ms: number[]; api: number[] }> = { 'tool sync --locked (from tools.lock)': { ms: [], api: [] }, 'tool sync (no lock: resolve each via the API)': { ms: [], api: [] } };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, config] of [['tool sync --locked (from tools.lock)', locked], ['tool sync (no lock: resolve each via the API)', unlocked]] as const) {
      const env = machine(`b-${round}-${config === locked ? 'locked' : 'unlocked'}`, config);
      const before = apiRequests();
      samples[label]!.ms.push(await tool(config === locked ? ['sync', '--locked'] : ['sync'], env));
      samples[label]!.api.push(apiRequests() - before);
      rmSync(join(unlocked, 'tools.lock'), { force: true });
    }
  }
  const lockedRow = samples['tool sync --locked (from tools.lock)']!;
  const unlockedRow = samples['tool sync (no lock: resolve each via the API)']!;
  console.log(`bringing up ${TOOLS} declared tools on a fresh machine, ${ROUNDS} interleaved rounds, local release server:`);
  for (const [label, row] of Object.entries(samples)) console.log(`  ${label.padEnd(48)} median ${median(row.ms).toFixed(0).padStart(5)} ms, API requests ${median(row.api)}`);
  console.log(`  ratio locked/unlocked: ${(median(lockedRow.ms) / median(unlockedRow.ms)).toFixed(2)}x`);
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
