/**
 * Asks an executable which version it is ("yt-dlp --version"), with a timeout
 * so a tool that hangs or waits for input cannot stall a capture.
 */
import { execFile } from 'node:child_process';
import { parseVersion } from '../core/version.js';

const DEFAULT_ARGS = ['--version'];
const TIMEOUT_MS = 10_000;

/** First version-looking token: "ripgrep 14.1.1 (rev abc)" → "14.1.1". */
export function versionFromOutput(output: string, pattern?: string): string | undefined {
  if (pattern) {
    const match = new RegExp(pattern, 'm').exec(output);
    return match?.[1] ?? match?.[0];
  }
  for (const token of output.split(/[\s,;()"']+/)) {
    // "v1.2.3", and "jq-1.7.1" / "tool_1.2.3" where the name is glued on.
    const candidate = token.replace(/^(?:[A-Za-z][\w.]*?[-_])?v?(?=\d)/, '');
    if (/^\d+(\.\d+)+/.test(candidate) && parseVersion(candidate)) return candidate;
  }
  return undefined;
}

/** What running `<file> --version` told: the version it reports, or why the file does not run at all. */
export interface VersionAnswer {
  version: string | undefined;
  /** Set when the file cannot be executed or dies of a signal (not for a plain non-zero exit). */
  doesNotRun?: string;
}

// Signals that mean the program itself is broken, not that the probe was cut short.
const CRASHES = new Set(['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGABRT', 'SIGFPE', 'SIGSYS']);

export function askVersion(file: string, command?: { args: string[]; pattern?: string }): Promise<VersionAnswer> {
  return new Promise((resolve) => {
    execFile(file, command?.args ?? DEFAULT_ARGS, { timeout: TIMEOUT_MS, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`;
      // execFile's error: a string code when the file could not be started, the exit status (a number) otherwise.
      const failure = error as { code?: string | number; signal?: string; killed?: boolean } | null;
      if (typeof failure?.code === 'string') return resolve({ version: undefined, doesNotRun: `cannot be executed (${failure.code})` });
      if (failure?.signal && !failure.killed && CRASHES.has(failure.signal)) return resolve({ version: undefined, doesNotRun: `crashed (${failure.signal})` });
      // A file the kernel refuses (ENOEXEC: another machine's binary, a truncated one) is handed to
      // /bin/sh by execvp, which answers 126 or 127: the file itself cannot run here.
      if (failure?.code === 126 || failure?.code === 127) {
        return resolve({ version: undefined, doesNotRun: `cannot be executed here (exit ${failure.code}: ${stderr.trim().split('\n')[0]?.slice(0, 120) ?? ''})` });
      }
      if (error && !output.trim()) return resolve({ version: undefined });
      resolve({ version: versionFromOutput(output, command?.pattern) });
    });
  });
}
