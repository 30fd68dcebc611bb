/** Whole-file writes that a crash can never leave half-written: temp file in the same directory, then rename. */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ToolError } from '../core/errors.js';

export async function writeFileAtomic(file: string, data: string | Buffer, mode = 0o644): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data, { mode });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * A JSON file tool wrote, or undefined when there is none. One that cannot be
 * read or parsed (damaged by hand, a disk error, another program) is a
 * ToolError naming the file and `repair`, never a bare parse error.
 */
export async function readJsonOrUndefined<T>(file: string, repair = 'Run `tool doctor` to see what to repair'): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new ToolError('TOOL_BAD_STATE', `${file} cannot be read (${code ?? (error as Error).message})`, { hint: repair, cause: error });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ToolError('TOOL_BAD_STATE', `${file} is damaged: not valid JSON (${(error as Error).message})`, { hint: repair, cause: error });
  }
}
