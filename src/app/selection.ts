/** Reading and writing `.tools` files (the global one and project ones) for use cases. */
import { readFile } from 'node:fs/promises';
import { removeToolsEntry, setToolsEntry } from '../pins/tools-file.js';
import { writeFileAtomic } from '../store/atomic.js';

async function readOrEmpty(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

export async function writeSelection(file: string, aliases: readonly string[], name: string, spec: string): Promise<void> {
  await writeFileAtomic(file, setToolsEntry(await readOrEmpty(file), aliases, name, spec));
}

export async function clearSelection(file: string, aliases: readonly string[]): Promise<boolean> {
  const before = await readOrEmpty(file);
  const after = removeToolsEntry(before, aliases);
  if (after === before) return false;
  await writeFileAtomic(file, after);
  return true;
}
