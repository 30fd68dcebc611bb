/** The single place errors become output: one line for ToolErrors, a short banner for bugs. */
import { isToolError } from '../core/errors.js';
import { painterFor } from './style.js';

const FS_MEANINGS: Record<string, string> = {
  EISDIR: 'is a directory where a file was expected',
  ENOTDIR: 'is not a directory (a file is in the way)',
  EEXIST: 'already exists and is not a directory',
  EACCES: 'is not accessible (permission denied)',
  EPERM: 'is not accessible (operation not permitted)',
  EROFS: 'is on a read-only file system',
  ENOSPC: 'has no space left on its device',
  EDQUOT: 'is over its disk quota',
};

/** Writes through an open file carry no path: the device is full whichever file it was. */
const DEVICE_MEANINGS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'an input/output error from the device',
};

/** Filesystem trouble caused by the user's environment, as one line naming the path. */
function describeFsError(error: unknown): string | undefined {
  const { code, path } = (error ?? {}) as { code?: string; path?: string };
  const meaning = code ? FS_MEANINGS[code] : undefined;
  if (meaning && path) return `${path} ${meaning} (${code}). Check that path, and TOOL_HOME if it points there`;
  const device = code ? DEVICE_MEANINGS[code] : undefined;
  // Every write is staged and renamed into place, so the failed one left the previous state as it was.
  if (device) return `${device} while writing to TOOL_HOME or the declared files (${code}); nothing was half-written. Free some space, then run the command again`;
  return undefined;
}

/**
 * Under --json the error is one JSON object on stderr, so a script reading the
 * JSON contract needs no second parser: {"formatVersion":1,"error":{"code","message","hint","exit"}}
 * (hint null when there is none; code TOOL_FILESYSTEM or TOOL_BUG outside ToolErrors).
 */
function writeJsonError(stderr: NodeJS.WritableStream, code: string, message: string, hint: string | null, exit: number): number {
  stderr.write(`${JSON.stringify({ formatVersion: 1, error: { code, message, hint, exit } })}\n`);
  return exit;
}

export function reportError(error: unknown, stderr: NodeJS.WritableStream, env: NodeJS.ProcessEnv, options: { json?: boolean } = {}): number {
  const prefix = painterFor(stderr as { isTTY?: boolean }, env)('error', 'tool:');
  if (isToolError(error)) {
    if (options.json) return writeJsonError(stderr, error.code, error.message.replace(/[.\s]+$/, ''), error.hint ?? null, error.exitCode);
    stderr.write(`${prefix} ${error.toLine()}\n`);
    if (env.TOOL_DEBUG && error.cause) stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return error.exitCode;
  }
  const commanderCode = (error as { code?: string; exitCode?: number })?.code;
  if (typeof commanderCode === 'string' && commanderCode.startsWith('commander.')) {
    // Commander already printed its message; help and --version are successes.
    return (error as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const fsLine = describeFsError(error);
  if (fsLine && options.json) return writeJsonError(stderr, 'TOOL_FILESYSTEM', fsLine, null, 6);
  if (fsLine) {
    stderr.write(`${prefix} ${fsLine}\n`);
    return 6;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (options.json) return writeJsonError(stderr, 'TOOL_BUG', `internal error: ${message}`, 'This is a bug; please report it with the command you ran (set TOOL_DEBUG=1 for details)', 70);
  stderr.write(`${prefix} internal error: ${message}. This is a bug; please report it with the command you ran (set TOOL_DEBUG=1 for details)\n`);
  if (env.TOOL_DEBUG && error instanceof Error) stderr.write(`${error.stack}\n`);
  return 70;
}
