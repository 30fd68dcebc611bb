/** Reading and rewriting lock files, through the same careful edit as the declared set. */
import { emptyLock, parseLock, serializeLock, type Lockfile } from './lock-file.js';
import { editUserFile, readUserFile } from './text-file.js';

export async function readLock(path: string): Promise<Lockfile | undefined> {
  const text = await readUserFile(path);
  return text === undefined ? undefined : parseLock(text, path);
}

/** Apply `change` to the lock (an empty one when there is none) and write it when it differs. */
export async function updateLock(path: string, change: (lock: Lockfile) => Lockfile): Promise<boolean> {
  return editUserFile(path, 'the lock file', (text) => serializeLock(change(text === undefined ? emptyLock() : parseLock(text, path))));
}
