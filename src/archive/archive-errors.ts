/**
 * The three ways extraction fails for a user: the archive is hostile
 * (TOOL_UNSAFE_ARCHIVE), broken (TOOL_BAD_ARCHIVE), or expands past a limit
 * (TOOL_ARCHIVE_LIMIT). Every backend maps its library's errors through
 * asArchiveError so no raw stack trace escapes.
 */
import type { ArchiveKind } from './kind.js';
import { isToolError, ToolError } from '../core/errors.js';

const unsafeHint = 'Do not install this asset; report it to the project that published it.';
const badHint = 'Nothing was installed; try again, and if it fails again the release asset itself is broken (report it upstream).';

/** "tar.gz archive "rg.tar.gz"" or "raw asset": the subject of every archive message. */
export function describeArchive(kind: ArchiveKind, source?: string): string {
  const noun = kind === 'raw' ? 'raw asset' : `${kind} archive`;
  return source === undefined ? noun : `${noun} ${JSON.stringify(source)}`;
}

export function unsafeEntry(archive: string, entry: string, problem: string): ToolError {
  return new ToolError('TOOL_UNSAFE_ARCHIVE', `The ${archive} entry ${JSON.stringify(entry)} ${problem}`, {
    hint: unsafeHint,
  });
}

export function badArchive(archive: string, problem: string, cause?: unknown): ToolError {
  return new ToolError('TOOL_BAD_ARCHIVE', `The ${archive} ${problem}`, { hint: badHint, cause });
}

/**
 * An archive that expands past one of the limits (core/archive-limits.ts). The
 * line names the limit's setting and a higher value to try.
 */
export function limitCrossed(archive: string, problem: string, setting: { name: string; raisedTo: string }): ToolError {
  return new ToolError('TOOL_ARCHIVE_LIMIT', `The ${archive} ${problem} (the ${setting.name} limit)`, {
    hint: `Nothing was installed. If you trust this release, raise the limit (for example ${setting.name}=${setting.raisedTo}) and try again`,
  });
}

/**
 * ToolErrors pass through; node-tar's refusal to write through a symlink is an
 * attack; disk errors (ENOSPC, EACCES…) are not the archive's fault and stay
 * as they are; anything else a decoder or parser throws means a broken archive.
 */
export function asArchiveError(error: unknown, archive: string): Error {
  if (isToolError(error)) return error;
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'TAR_SYMLINK_ERROR') {
    return unsafeEntry(archive, String((err as { path?: unknown }).path ?? '?'), 'would be written through a symlink');
  }
  if (typeof (err as NodeJS.ErrnoException).syscall === 'string') return err;
  return badArchive(archive, `is corrupt, truncated or not in the format its name says (${err.message})`, err);
}
