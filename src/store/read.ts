/**
 * Lock-free, write-free views of the store: which versions of a tool are
 * published and what their manifests say. A version directory exists only once
 * complete (publish is a rename), so listing needs no lock.
 */
import { readdir } from 'node:fs/promises';
import { sortVersionsDescending } from '../core/version.js';
import { readJsonOrUndefined } from './atomic.js';
import type { Layout } from './layout.js';
import type { Manifest } from './manifest.js';

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
  return readJsonOrUndefined<Manifest>(layout.manifest(toolId, version));
}
