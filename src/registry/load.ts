/** Reads registry/<name>.json files shipped with the package; memoized per process. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ToolError } from '../core/errors.js';
import type { RegistryEntry } from './types.js';
import { validateRegistryEntry } from './validate.js';

/** dist/src/registry/load.js → <package>/registry */
export const REGISTRY_DIR = fileURLToPath(new URL('../../../registry/', import.meta.url));

export interface Registry {
  get(name: string): RegistryEntry | undefined;
  byRepo(repo: string): RegistryEntry | undefined;
  byBin(exe: string): RegistryEntry | undefined;
  all(): RegistryEntry[];
}

export function parseRegistryFile(file: string, name: string): RegistryEntry {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
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

export function loadRegistry(dir: string = REGISTRY_DIR): Registry {
  let entries: RegistryEntry[] | undefined;
  const all = () => {
    entries ??= readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => parseRegistryFile(join(dir, file), file.slice(0, -'.json'.length)));
    return entries;
  };
  return {
    get: (name) => all().find((entry) => entry.name === name.toLowerCase()),
    byRepo: (repo) => all().find((entry) => entry.repo.toLowerCase() === repo.toLowerCase()),
    byBin: (exe) => all().find((entry) => entry.bins.some((bin) => bin.name === exe)),
    all,
  };
}
