/**
 * An isolated user for end-to-end tests: a temp HOME and TOOL_HOME, the built
 * CLI, the shims directory on PATH, and the local release server as GitHub.
 * Commands run as real processes, the way a user's shell would run them.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReleaseServer, type ReleaseServer, type ServerTls } from './release-server.js';

/** The bundled CLI, as users run it (npm run build writes it; scripts/bundle.mjs). */
export const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../../bundle/tool.cjs');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  /** Called with the child once started (to send signals). */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
}

export interface Sandbox {
  root: string;
  home: string;
  shims: string;
  server: ReleaseServer;
  env: Record<string, string>;
  /** Run the built CLI: tool(['add', 'yt-dlp']). */
  tool(args: string[], options?: RunOptions): Promise<RunResult>;
  /** Run a shell command line with the shims on PATH, as a user would type it. */
  sh(command: string, options?: RunOptions): Promise<RunResult>;
  /** Create a directory (and parents) under the sandbox root; returns its absolute path. */
  dir(path: string): string;
  write(path: string, text: string): string;
  close(): Promise<void>;
}

export function run(file: string, args: string[], env: Record<string, string | undefined>, options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: { ...env, ...options.env, PWD: options.cwd ?? env.PWD } as NodeJS.ProcessEnv, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    // A tool that exits without reading stdin closes the pipe first; that is not an error.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    options.onSpawn?.(child);
  });
}

export async function createSandbox(options: { env?: Record<string, string>; tls?: ServerTls } = {}): Promise<Sandbox> {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'tool-e2e-')));
  const server = await startReleaseServer(options.tls ? { tls: options.tls } : {});
  const home = join(root, 'tool-home');
  const shims = join(home, 'shims');
  const env: Record<string, string> = {
    PATH: `${shims}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: join(root, 'user'),
    TOOL_HOME: home,
    TOOL_GITHUB_API_URL: server.apiUrl,
    TOOL_OS: 'linux',
    TOOL_ARCH: 'x64',
    TOOL_LIBC: 'gnu',
    TOOL_HTTP_RETRY_DELAY_MS: '10',
    // The aqua registry only where a test serves it (test/e2e/aqua-registry.test.ts); elsewhere tool's own registry and the heuristic.
    TOOL_REGISTRIES: 'builtin',
    LANG: 'C',
    ...options.env,
  };
  mkdirSync(env.HOME!, { recursive: true });
  const base = (opts: RunOptions = {}) => ({ ...opts, cwd: opts.cwd ?? env.HOME! });
  return {
    root,
    home,
    shims,
    server,
    env,
    tool: (args, opts) => run(process.execPath, [CLI, ...args], env, base(opts)),
    sh: (command, opts) => run('/bin/sh', ['-c', command], env, base(opts)),
    dir(path) {
      const full = join(root, path);
      mkdirSync(full, { recursive: true });
      return full;
    },
    write(path, text) {
      const full = join(root, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    },
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
