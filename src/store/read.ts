/**
 * Lock-free, write-free views of the store: which versions of a tool are
 * published and what their manifests say. A version directory exists only once
 * complete (publish is a rename), so listing needs no lock.
 */
import { readdir } from 'node:fs/promises';
import { sortVersionsDescending } from '../core/version.js';
import { readJsonOrUndefined } from './atomic.js';
import { toolIdFromDirName, type Layout } from './layout.js';
import type { Manifest } from './manifest.js';

/** Every tool with a directory in the store, added or not (a `tool run` or a shim installs without adding). */
export async function storedToolIds(layout: Layout): Promise<string[]> {
  const names = await readdir(layout.store).catch(() => [] as string[]);
  return names.filter((name) => !name.startsWith('.')).map(toolIdFromDirName);
}

/** Newest first. */
export async function installedVersions(layout: Layout, toolId: string): Promise<string[]> {
  try {
    const names = await readdir(layout.toolStore(toolId));
    return sortVersionsDescending(names.filter((name) => !name.startsWith('.')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function readManifest(layout: Layout, toolId: string, version: string): Promise<Manifest | undefined> {
  return readJsonOrUndefined<Manifest>(layout.manifest(toolId, version), `That version is damaged: \`tool remove ${toolId}@${version}\` (select another version first if it is the global one), then install it again`);
}
