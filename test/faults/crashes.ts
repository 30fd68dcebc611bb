/**
 * kill -9 at random moments of installs, updates, rollbacks, pins (lock
 * writes) and declared-file edits. After each, the next command must succeed
 * at once and find TOOL_HOME consistent: no partial version listed or
 * runnable, history and lock files that parse, no lock left that blocks
 * (its owner is dead, so it is taken over), staging swept, and the shim
 * running exactly the version `tool which` names.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CLI, createSandbox, type Sandbox } from '../support/sandbox.js';
import { selfUpdatingRelease } from '../support/self-updater.js';
import { addHeavy } from './crash-fixtures.js';
import { figure, hasStackTrace, type FaultGroup, type Figure, type Scale } from './figure.js';
import { deadLocks, storeProblems } from './store-check.js';

/** Round r of an operation that downloads asks for version 1.r.0, which nothing installed yet. */
const fresh = (round: number) => `1.${round}.0`;

interface Operation {
  name: string;
  args: (round: number) => string[];
  cwd?: (box: Sandbox) => string;
  /** Runs undisturbed before the command that is killed. */
  prepare?: (box: Sandbox, round: number) => Promise<void>;
  /** The executable whose shim must run what `tool which` names afterwards (default heavy). */
  exe?: string;
}

const SELF_UPDATER = { name: 'denoish', method: 'rename-over' as const, repo: 'fixtures/denoish', asset: 'denoish-x86_64-unknown-linux-gnu' };
const selfUpdaterRelease = (box: Sandbox, version: string) => selfUpdatingRelease({ ...SELF_UPDATER, version, apiUrl: box.server.apiUrl });

const OPERATIONS: Operation[] = [
  { name: 'add (download, extract, publish, index, shims)', args: (round) => ['add', `acme/heavy@${fresh(round)}`] },
  { name: 'rollback', args: () => ['rollback', 'acme/heavy'] },
  { name: 'pin in a locked project (download, lock write)', args: (round) => ['pin', `acme/heavy@${fresh(round)}`], cwd: (box) => join(box.root, 'user/project') },
  { name: 'update (hold released, selection, history)', args: () => ['update', 'acme/heavy'] },
  { name: 'add --reason (download, declared file edit)', args: (round) => ['add', `acme/heavy@${fresh(round)}`, '--reason', `round ${round}`] },
  {
    name: 'self-update capture (store, history, selection)',
    // The tool updates itself undisturbed; the command that notices and captures it is killed.
    prepare: async (box, round) => {
      box.server.addRelease(SELF_UPDATER.repo, selfUpdaterRelease(box, `2.${round + 1}.0`));
      await box.sh('denoish -U');
    },
    args: () => ['list'],
    exe: 'denoish',
  },
];

/** Starts the command and kills it with SIGKILL after `delayMs`; resolves when it is gone, true when the kill ended it. */
function killAfter(box: Sandbox, args: string[], cwd: string, delayMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: box.env, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.once('close', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

/** The checks after a crash; each returns a problem or undefined. */
async function afterCrash(box: Sandbox, op: Operation, round: number, cwd: string): Promise<{ problems: string[]; took: number }> {
  const started = Date.now();
  const next = await box.tool(op.args(round), { cwd });
  const took = Date.now() - started;
  const problems: string[] = [];
  if (next.code !== 0 && !/^tool: (nothing to roll back|.*is newer than|.*up to date|the history of .* has no version before)/m.test(next.stderr)) problems.push(`next ${op.args(round).join(' ')} exited ${next.code}: ${next.stderr.trim()}`);
  if (hasStackTrace(next.stderr)) problems.push('stack trace');
  if (took > 10_000) problems.push(`next command took ${took} ms (a lock waited?)`);
  problems.push(...storeProblems(box.home));
  const exe = op.exe ?? 'heavy';
  const which = await box.tool(['which', exe, '--json'], { cwd });
  const ran = await box.sh(`${exe} --version`, { cwd });
  const expected = which.code === 0 ? (JSON.parse(which.stdout) as { version?: string }).version : undefined;
  if (!expected || ran.stdout !== `${exe} ${expected}\n`) problems.push(`shim ran "${ran.stdout.trim()}" where tool which says ${expected}: ${which.stderr.trim()} ${ran.stderr.trim()} (the next command said: ${next.stderr.trim().replace(/\n/g, ' / ')})`);
  const sync = await box.tool(['sync', '--check'], { cwd });
  if (sync.code !== 0 && sync.code !== 1) problems.push(`sync --check exited ${sync.code}: ${sync.stderr.trim()}`);
  return { problems, took };
}

async function crashRounds(scale: Scale): Promise<Figure[]> {
  const rounds = scale === 'full' ? 50 : OPERATIONS.length;
  const box = await createSandbox();
  try {
    addHeavy(box.server, scale === 'full' ? 4 : 2, '0.9.0', ...Array.from({ length: rounds }, (_, round) => fresh(round)));
    box.dir('user/project');
    box.write('user/project/.tools', 'acme/heavy 0.9.0\n');
    await box.tool(['add', 'acme/heavy@0.9.0']);
    box.server.addRelease(SELF_UPDATER.repo, selfUpdaterRelease(box, '2.0.0'));
    await box.tool(['add', SELF_UPDATER.repo, '--self-update']);
    await box.tool(['lock'], { cwd: join(box.root, 'user/project') });
    // How long each operation takes undisturbed bounds the random moment of the kill.
    const failures: string[] = [];
    const perOp = new Map<string, number>();
    let killed = 0;
    // Each kill lands at a random moment of the operation: between Node's start-up and the
    // operation's undisturbed length, learnt from the command that follows each crash.
    const length = new Map<string, number>();
    let slowest = 0;
    for (let round = 0; round < rounds; round++) {
      const op = OPERATIONS[round % OPERATIONS.length]!;
      const cwd = op.cwd?.(box) ?? join(box.root, 'user');
      const delay = Math.floor(60 + Math.random() * ((length.get(op.name) ?? 250) - 60));
      await op.prepare?.(box, round);
      if (await killAfter(box, op.args(round), cwd, delay)) killed++;
      const { problems, took } = await afterCrash(box, op, round, cwd);
      length.set(op.name, Math.max(80, took));
      slowest = Math.max(slowest, took);
      perOp.set(op.name, (perOp.get(op.name) ?? 0) + 1);
      if (problems.length) failures.push(`round ${round} (${op.name}, killed at ${delay} ms): ${problems.join('; ')}`);
    }
    const summary = [...perOp].map(([name, n]) => `${name} ×${n}`).join(', ');
    return [figure(`${rounds} kill -9 at random moments, each followed by the next command`, failures.length === 0,
      failures.length ? failures.slice(0, 5).join(' | ') : `${rounds}/${rounds} recovered at once (${killed} killed mid-run, the rest finished first), store consistent, shim ran the version tool which names; the slowest next command took ${slowest} ms, so none waited for a lock (${(await deadLocks(box.home)).length} lock(s) of killed processes left, taken over at once when next needed) (${summary})`)];
  } finally {
    await box.close();
  }
}

export const crashes: FaultGroup = { name: 'crashes', run: crashRounds };
