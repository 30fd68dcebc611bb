/** Reading and writing `.tools` files (the global one and project ones) for use cases. */
import { readFile } from 'node:fs/promises';
import { removeToolsEntry, setToolsEntry } from '../../pins/tools-file.js';
import { writeFileAtomic } from '../../store/atomic.js';
import { ToolError } from '../../core/errors.js';

async function readOrEmpty(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return '';
    if (code === 'EISDIR') {
      throw new ToolError('TOOL_BAD_TOOLS_FILE', `${file} is a directory where a file was expected (EISDIR)`, {
        hint: 'Check that path: rename that directory, or pin from another directory',
      });
    }
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
