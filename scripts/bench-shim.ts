/**
 * `npm run bench`: what a shim costs. Installs a copy of /bin/true as a tool
 * from the local release server, then times, interleaved round by round so
 * machine noise hits every variant alike: the binary itself, the sh shim's fast
 * path (global selection; a .tools pin three directories up, with and without a .tools.lock), and the Node
 * paths (`tool run`, and the shim's hand-over). Prints medians and ratios.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReleaseServer } from '../test/support/release-server.js';
import { CLI } from '../test/support/sandbox.js';


const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const root = realpathSync(mkdtempSync(join(tmpdir(), 'tool-bench-')));
const server = await startReleaseServer();
const home = join(root, 'home');
const env = { ...process.env, TOOL_HOME: home, TOOL_GITHUB_API_URL: server.apiUrl, TOOL_OS: 'linux', TOOL_ARCH: 'x64', TOOL_LIBC: 'gnu', PATH: `${join(home, 'shims')}:${process.env.PATH}` };

function time(file: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, { cwd, env: { ...env, ...extraEnv, PWD: cwd }, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  server.addRelease('bench/truebin', { tag: 'v1.0.0', assets: [{ name: 'truebin_linux_amd64', body: readFileSync('/bin/true') }] });
  // Async: the release server runs in this process and must answer while `tool add` runs.
  const { run } = await import('../test/support/sandbox.js');
  const add = await run(process.execPath, [CLI, 'add', 'bench/truebin'], env, { cwd: root });
  if (add.code !== 0) throw new Error(add.stderr);
  const project = join(root, 'project');
  const deep = join(project, 'a/b/c');
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(project, '.tools'), '# bench\nbench/truebin 1.0.0\n');
  const binary = join(home, 'store/bench__truebin/1.0.0/bin/truebin');
  const shim = join(home, 'shims/truebin');
  time(shim, [], deep); // first run teaches the index the pinned spec
  // A locked project: the shim also checks the lock's locked index (two mtimes and one link).
  const lockedProject = join(root, 'locked-project');
  const lockedDeep = join(lockedProject, 'a/b/c');
  mkdirSync(lockedDeep, { recursive: true });
  writeFileSync(join(lockedProject, '.tools'), '# bench\nbench/truebin 1\n');
  const locked = await run(process.execPath, [CLI, 'lock'], env, { cwd: lockedProject });
  if (locked.code !== 0) throw new Error(locked.stderr);
  time(shim, [], lockedDeep);
  const variants: Record<string, () => number> = {
    'binary, direct exec': () => time(binary, [], root),
    'shim, global selection': () => time(shim, [], root),
    'shim, .tools 3 levels up': () => time(shim, [], deep),
    'shim, .tools + .tools.lock': () => time(shim, [], lockedDeep),
    'tool run (Node)': () => time(process.execPath, [CLI, 'run', 'bench/truebin'], root),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) for (const [name, run] of Object.entries(variants)) samples[name]!.push(run());
  const base = median(samples['binary, direct exec']!);
  console.log(`${ROUNDS} interleaved rounds; median wall time per call (spawn included)`);
  for (const [name, values] of Object.entries(samples)) {
    const m = median(values);
    console.log(`${name.padEnd(28)} ${m.toFixed(2).padStart(7)} ms  ${(m / base).toFixed(2).padStart(6)}x binary  +${(m - base).toFixed(2)} ms`);
  }
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
