/**
 * Runs a tool in the foreground from Node (`tool run`, and shims that had to
 * hand over to the CLI): inherited stdio, signals forwarded to the child, and
 * the child's exit status reproduced exactly, including death by signal.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { ToolError } from '../core/errors.js';

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH'];

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** For a child that is not the tool itself (`tool x`, a bisect check): its environment, and stdio other than inherited. */
export interface ForegroundOptions {
  env?: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
}

export function runForeground(file: string, args: readonly string[], argv0?: string, options: ForegroundOptions = {}): Promise<ExitStatus> {
  return new Promise((resolve, reject) => {
    // Listen before spawning: the tool may start and be signalled before the line after
    // spawn() runs (seen under load), and Node's default would kill us, orphaning the tool.
    let child: ChildProcess | undefined;
    const pending: NodeJS.Signals[] = [];
    const forward = (signal: NodeJS.Signals) => (child ? child.kill(signal) : pending.push(signal));
    for (const signal of FORWARDED) process.on(signal, forward);
    const cleanup = () => {
      for (const signal of FORWARDED) process.off(signal, forward);
    };
    child = spawn(file, args, { stdio: options.stdio ?? 'inherit', ...(options.env ? { env: options.env } : {}), ...(argv0 ? { argv0 } : {}) });
    for (const signal of pending) child.kill(signal);
    child.once('error', (error: NodeJS.ErrnoException) => {
      cleanup();
      reject(new ToolError('TOOL_EXEC_FAILED', `cannot run ${file}: ${error.code ?? error.message}`, {
        hint: 'The installed file may be for another platform or damaged; reinstall it with `tool remove` and `tool add`',
        cause: error,
      }));
    });
    child.once('exit', (code, signal) => {
      cleanup();
      resolve({ code, signal });
    });
  });
}

/** End this process the way the child ended: same exit code, or the same signal. */
export function exitLikeChild(status: ExitStatus): void {
  if (status.signal) {
    process.removeAllListeners(status.signal);
    process.kill(process.pid, status.signal);
    return;
  }
  process.exitCode = status.code ?? 1;
}
