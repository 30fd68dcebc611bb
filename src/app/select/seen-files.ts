/** Remembers the .tools files the CLI has read, so `tool prune` can keep what they pin. */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AppContext } from '../context.js';

export async function readSeenFiles(ctx: AppContext): Promise<string[]> {
  try {
    return [...new Set((await readFile(ctx.layout.seenFiles, 'utf8')).split('\n').filter(Boolean))];
  } catch {
    return [];
  }
}

export async function recordSeenFile(ctx: AppContext, path: string): Promise<void> {
  if ((await readSeenFiles(ctx)).includes(path)) return;
  await mkdir(dirname(ctx.layout.seenFiles), { recursive: true });
  await appendFile(ctx.layout.seenFiles, `${path}\n`);
}
