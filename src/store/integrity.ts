/**
 * Read-only permissions do not stop root: a self-updater run as root from a
 * pinned store version can rewrite it in place. Such a write moves the file's
 * mtime past the manifest's install time, which this detects with a stat, so
 * `list` and `which` can say so instead of silently running changed bytes.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Layout } from './layout.js';
import type { Manifest } from './manifest.js';

// Extraction and publishing finish before installedAt is taken; a little slack covers clock granularity.
const SLACK_MS = 2000;

/** Executables of a store version changed after it was published. */
export async function modifiedAfterInstall(layout: Layout, manifest: Manifest): Promise<string[]> {
  const installed = Date.parse(manifest.installedAt);
  const modified: string[] = [];
  for (const [exe, path] of Object.entries(manifest.bins)) {
    const info = await stat(join(layout.versionDir(manifest.tool, manifest.version), path)).catch(() => undefined);
    if (info && info.mtimeMs > installed + SLACK_MS) modified.push(exe);
  }
  return modified;
}
