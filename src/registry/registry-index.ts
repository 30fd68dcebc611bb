/**
 * An index of registry/ written at build time (dist/registry-index.json): the
 * name, repo and executables of every entry, in file-name order, with each
 * file's size and mtime. With it a read-only command finds a tool by repo or
 * executable without parsing and validating every registry file. load.ts
 * confirms a match against the entry's own file, and trusts "no entry" only
 * while the directory still holds exactly the indexed files, unchanged
 * (indexIsCurrent); otherwise it reads the registry in full, as without an index.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegistryEntry } from './types.js';

export interface IndexedEntry {
  name: string;
  repo: string;
  bins: string[];
  size: number;
  mtimeMs: number;
}

interface IndexFile {
  comment: string;
  version: 1;
  entries: IndexedEntry[];
}

const VERSION = 1;

/** The registry's JSON files in the order entries are listed and searched. */
export function registryFiles(dir: string): string[] {
  return readdirSync(dir).filter((file) => file.endsWith('.json')).sort();
}

/** Writes the index of `entries` (as loaded from `dir`, in registryFiles order) to `file`. */
export function writeRegistryIndex(dir: string, entries: readonly RegistryEntry[], file: string): void {
  const indexed = entries.map((entry): IndexedEntry => {
    const stat = statSync(join(dir, `${entry.name}.json`));
    return { name: entry.name, repo: entry.repo, bins: entry.bins.map((bin) => bin.name), size: stat.size, mtimeMs: stat.mtimeMs };
  });
  const index: IndexFile = { comment: 'Generated from registry/ by scripts/bundle.mjs; do not edit.', version: VERSION, entries: indexed };
  writeFileSync(file, `${JSON.stringify(index)}\n`);
}

/** The index's entries, or undefined when it is missing or unreadable. */
export function readRegistryIndex(file: string): IndexedEntry[] | undefined {
  let index: IndexFile;
  try {
    index = JSON.parse(readFileSync(file, 'utf8')) as IndexFile;
  } catch {
    return undefined; // not built (tsc only) or half-written: the full read is always correct
  }
  return index.version === VERSION && Array.isArray(index.entries) ? index.entries : undefined;
}

/** `dir` holds exactly the indexed files, each with the size and mtime it had when indexed. */
export function indexIsCurrent(dir: string, entries: readonly IndexedEntry[]): boolean {
  let files: string[];
  try {
    files = registryFiles(dir);
  } catch {
    return false;
  }
  if (files.length !== entries.length) return false;
  return entries.every((entry, i) => {
    const name = files[i];
    if (name !== `${entry.name}.json`) return false;
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    return stat !== undefined && stat.size === entry.size && stat.mtimeMs === entry.mtimeMs;
  });
}
