/**
 * `npm run bench:startup`: what the CLI costs over Node's own start-up. Adds a
 * copy of /bin/true from the local release server into a temp TOOL_HOME
 * (TOOL_REGISTRIES=builtin), then times `node -e 0` and the read-only commands,
 * interleaved round by round so machine noise hits every variant alike.
 * Prints medians and ratios to `node -e 0`. BENCH_CLI compares another build of
 * the CLI (e.g. the unbundled dist/src/bin/tool.js).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startReleaseServer } from '../test/support/release-server.js';
import { CLI, run } from '../test/support/sandbox.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const cli = process.env.BENCH_CLI ? resolve(process.env.BENCH_CLI) : CLI;
const root = realpathSync(mkdtempSync(join(tmpdir(), 'tool-bench-startup-')));
const server = await startReleaseServer();
const home = join(root, 'home');
const env = { ...process.env, TOOL_HOME: home, TOOL_REGISTRIES: 'builtin', TOOL_GITHUB_API_URL: server.apiUrl, TOOL_OS: 'linux', TOOL_ARCH: 'x64', TOOL_LIBC: 'gnu' };

/** `which rg` exits 3 (not installed) after reading its registry entry; anything else must succeed. */
function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, env: { ...env, PWD: root }, stdio: 'ignore' });
  if (result.status !== (args.includes('rg') ? 3 : 0)) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  server.addRelease('bench/truebin', { tag: 'v1.0.0', assets: [{ name: 'truebin_linux_amd64', body: readFileSync('/bin/true') }] });
  // Async: the release server runs in this process and must answer while `tool add` runs.
  const add = await run(process.execPath, [cli, 'add', 'bench/truebin'], env, { cwd: root });
  if (add.code !== 0) throw new Error(add.stderr);
  const variants: Record<string, string[]> = {
    'node -e 0': ['-e', '0'],
    'tool --version': [cli, '--version'],
    'tool --help': [cli, '--help'],
    'tool list': [cli, 'list'],
    'tool which truebin': [cli, 'which', 'truebin'],
    'tool which rg (not added)': [cli, 'which', 'rg', '--json'],
  };
  for (const args of Object.values(variants)) time(args); // warm the page cache (and any code cache)
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) for (const [name, args] of Object.entries(variants)) samples[name]!.push(time(args));
  const base = median(samples['node -e 0']!);
  const floor = Math.min(...samples['node -e 0']!);
  console.log(`${cli}\n${ROUNDS} interleaved rounds; wall time per call (spawn included): median, and the fastest run (less sensitive to a busy machine)`);
  for (const [name, values] of Object.entries(samples)) {
    const m = median(values);
    const fastest = Math.min(...values);
    console.log(`${name.padEnd(26)} ${m.toFixed(1).padStart(7)} ms  ${(m / base).toFixed(2).padStart(5)}x   fastest ${fastest.toFixed(1).padStart(6)} ms  ${(fastest / floor).toFixed(2).padStart(5)}x`);
  }
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
