/**
 * Single-file assets: a raw binary, or one compressed with gz, xz, bz2 or zst
 * (already decompressed by the caller's pipeline). The bytes become one
 * executable file, dest/<fileName>, mode 0755.
 */
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { EntryGuard, type ExtractedFile } from './entry-guard.js';
import { writeNewFile } from './new-file.js';
import { plainFileName } from './safe-path.js';
import type { UnpackBudget } from './unpack-budget.js';

export interface SingleFileOptions {
  dest: string;
  archive: string;
  /** The name to write inside dest; it comes from the asset name, so it is checked like an entry. */
  fileName: string;
  /** The caller meters the bytes; the one entry is counted here. */
  budget: UnpackBudget;
}

export async function extractSingleFile(input: Readable, options: SingleFileOptions): Promise<ExtractedFile[]> {
  const name = plainFileName(options.fileName, options.archive);
  const guard = new EntryGuard(options.archive, { allowDuplicates: false, budget: options.budget });
  const admitted = guard.admit({ name, type: 'file', mode: 0o755 });
  if (admitted === undefined) throw new Error(`unreachable: ${name} names the extraction directory`);
  await writeNewFile(join(options.dest, admitted.path), admitted.mode, () => input);
  return guard.finish();
}
