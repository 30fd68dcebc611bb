/**
 * Reading and editing a file the user owns (the declared tool set, a project's
 * `.tools`, a lock): a symlink is followed to its target, which is replaced
 * atomically (dotfile managers link these files; writing the link itself would
 * cut it loose), and editors of one file are serialized by a lock beside the
 * target, so two `tool` processes both keep their edit.
 */
import { lstat, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { resolve, dirname } from 'node:path';
import { ToolError } from '../core/errors.js';
import { writeFileAtomic } from '../store/atomic.js';
import { withFileLock } from '../store/lock.js';

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** The file a path really names: the target when it is a symlink; refuses a dangling link. */
async function targetOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if (code(error) !== 'ENOENT') throw error;
  }
  const link = await lstat(path).catch(() => undefined);
  if (!link?.isSymbolicLink()) return path;
  const points = resolve(dirname(path), await readlink(path));
  throw new ToolError('TOOL_UNWRITABLE', `${path} is a symlink to ${points}, which does not exist`, {
    hint: 'Restore the file it points to (for example check out your dotfiles) or remove the link',
  });
}

/** The text, or undefined when there is no file. */
export async function readUserFile(path: string): Promise<string | undefined> {
  const target = await targetOf(path);
  try {
    return await readFile(target, 'utf8');
  } catch (error) {
    if (code(error) === 'ENOENT') return undefined;
    if (code(error) === 'EISDIR') {
      throw new ToolError('TOOL_UNWRITABLE', `${path} is a directory where a file was expected (EISDIR)`, { hint: 'Check that path: rename or move that directory' });
    }
    throw error;
  }
}

/**
 * Apply `edit` to the file's current text under its lock and write the result
 * in place of the target. Returns whether anything changed.
 */
export async function editUserFile(path: string, what: string, edit: (text: string | undefined) => string | undefined): Promise<boolean> {
  const target = await targetOf(path);
  try {
    return await withFileLock(target, what, async () => {
      const before = await readUserFile(target);
      const after = edit(before);
      if (after === undefined || after === before) return false;
      const mode = await stat(target).then((info) => info.mode & 0o777, () => 0o644);
      await writeFileAtomic(target, after, mode);
      return true;
    });
  } catch (error) {
    const errno = code(error);
    if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS') {
      throw new ToolError('TOOL_UNWRITABLE', `cannot write ${target === path ? path : `${path} (a link to ${target})`}: ${errno}`, {
        hint: 'Fix its permissions, or the directory\'s, and run the command again; nothing was changed',
        cause: error,
      });
    }
    throw error;
  }
}
