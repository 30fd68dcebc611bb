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

export function askVersion(file: string, command?: { args: string[]; pattern?: string }): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, command?.args ?? DEFAULT_ARGS, { timeout: TIMEOUT_MS, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`;
      if (error && !output.trim()) return resolve(undefined);
      resolve(versionFromOutput(output, command?.pattern));
    });
  });
}
