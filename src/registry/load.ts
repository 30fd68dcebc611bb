/**
 * Reads registry/<name>.json files shipped with the package; memoized per process.
 * Most commands need one or two entries: get() reads just that file, and
 * byRepo()/byBin() find the name in the build's index (registry-index.ts) and
 * read that file. Only all(), or a missing or stale index, reads every file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ToolError } from '../core/errors.js';
import { REGISTRY_DIR, REGISTRY_INDEX } from './package-files.js';
import { indexIsCurrent, readRegistryIndex, registryFiles, type IndexedEntry } from './registry-index.js';
import type { RegistryEntry } from './types.js';
import { validateRegistryEntry } from './validate.js';

export { REGISTRY_DIR };

export interface Registry {
  get(name: string): RegistryEntry | undefined;
  byRepo(repo: string): RegistryEntry | undefined;
  byBin(exe: string): RegistryEntry | undefined;
  all(): RegistryEntry[];
}

export function parseRegistryFile(file: string, name: string): RegistryEntry {
  return parseRegistryText(() => readFileSync(file, 'utf8'), file, name);
}

function parseRegistryText(read: () => string, file: string, name: string): RegistryEntry {
  let json: unknown;
  try {
    json = JSON.parse(read());
  } catch (error) {
    throw new ToolError('TOOL_BAD_REGISTRY', `${file} is not valid JSON: ${(error as Error).message}`, {
      hint: 'Fix the file as documented in registry/README.md',
    });
  }
  return validateRegistryEntry(json, file, name);
}

/** TOOL_REGISTRIES without `builtin`: registry/ is not consulted. */
export function emptyRegistry(): Registry {
  return { get: () => undefined, byRepo: () => undefined, byBin: () => undefined, all: () => [] };
}

/** Registry names are lower-case file names; anything else (a path, a glob) names no file. */
const NAME_RE = /^[a-z0-9][a-z0-9._+-]*$/;

function readEntry(dir: string, name: string): RegistryEntry | undefined {
  if (!NAME_RE.test(name)) return undefined;
  const file = join(dir, `${name}.json`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseRegistryText(() => text, file, name);
}

/** `indexFile`: the build's index of `dir`; the shipped registry's by default, none for any other directory. */
export function loadRegistry(dir: string = REGISTRY_DIR, indexFile = dir === REGISTRY_DIR ? REGISTRY_INDEX : undefined): Registry {
  let entries: RegistryEntry[] | undefined;
  let index: IndexedEntry[] | null | undefined;
  let indexCurrent: boolean | undefined;
  const byName = new Map<string, RegistryEntry | undefined>();
  const all = () => {
    entries ??= registryFiles(dir).map((file) => parseRegistryFile(join(dir, file), file.slice(0, -'.json'.length)));
    return entries;
  };
  const get = (name: string) => {
    const key = name.toLowerCase();
    if (entries) return entries.find((entry) => entry.name === key);
    if (!byName.has(key)) byName.set(key, readEntry(dir, key));
    return byName.get(key);
  };
  /**
   * The first entry (in file order) that matches. A match in the index is
   * confirmed by reading its file; "none" needs an index that is still current
   * (a few dozen stat calls, paid only then). Anything else reads every file.
   */
  const find = (indexed: (entry: IndexedEntry) => boolean, matches: (entry: RegistryEntry) => boolean) => {
    if (index === undefined) index = (indexFile && readRegistryIndex(indexFile)) || null;
    if (index && !entries) {
      const hit = index.find(indexed);
      const entry = hit && get(hit.name);
      if (entry && matches(entry)) return entry;
      if (!hit && (indexCurrent ??= indexIsCurrent(dir, index))) return undefined;
    }
    return all().find(matches);
  };
  const sameRepo = (repo: string) => (entry: { repo: string }) => entry.repo.toLowerCase() === repo.toLowerCase();
  return {
    get,
    byRepo: (repo) => find(sameRepo(repo), sameRepo(repo)),
    byBin: (exe) => find((entry) => entry.bins.includes(exe), (entry) => entry.bins.some((bin) => bin.name === exe)),
    all,
  };
}
