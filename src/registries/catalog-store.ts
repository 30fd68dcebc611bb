/**
 * Reading an indexed registry from TOOL_HOME/cache/registries: the catalog
 * (memoized per process), one package definition at a time, and when the
 * source was last checked (the mtime of <dir>.checked).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AquaPackage } from '../aqua/types.js';
import type { AppContext } from '../app/context.js';
import type { Catalog } from './catalog.js';
import type { RegistrySource } from './sources.js';

/** "aqua" for the standard registry whatever its ref; a stable hash for files and URLs. */
export function sourceDir(source: RegistrySource): string {
  if (source.kind === 'aqua') return 'aqua';
  const key = source.kind === 'file' ? source.path : source.kind === 'url' ? source.url : 'builtin';
  return `${source.kind}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

const memo = new Map<string, Catalog | undefined>();

export async function readCatalog(ctx: AppContext, source: RegistrySource): Promise<Catalog | undefined> {
  const dir = ctx.layout.registryCache(sourceDir(source));
  if (memo.has(dir)) return memo.get(dir);
  let catalog: Catalog | undefined;
  try {
    catalog = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')) as Catalog;
  } catch {
    catalog = undefined; // absent or damaged: the caller fetches it again
  }
  if (catalog?.catalogVersion !== 1) catalog = undefined;
  memo.set(dir, catalog);
  return catalog;
}

/** Forget what this process read, after a refresh replaced it. */
export function forgetCatalogs(): void {
  memo.clear();
  metas.clear();
}

export type CatalogMeta = Omit<Catalog, 'entries'> & { packages: number };

const metas = new Map<string, CatalogMeta | undefined>();

/** Where the indexed copy came from and when: a few hundred bytes, read before any lookup. */
export async function readMeta(ctx: AppContext, source: RegistrySource): Promise<CatalogMeta | undefined> {
  const dir = ctx.layout.registryCache(sourceDir(source));
  if (!metas.has(dir)) {
    const meta = await readFile(join(dir, 'meta.json'), 'utf8').then((text) => JSON.parse(text) as CatalogMeta, () => undefined);
    metas.set(dir, meta?.catalogVersion === 1 ? meta : undefined);
  }
  return metas.get(dir);
}

/** The lookup shard for a key's first character (see catalog.ts buildShards). */
export async function readShard(ctx: AppContext, source: RegistrySource, shard: string): Promise<Record<string, [number, string][]>> {
  return readFile(join(ctx.layout.registryCache(sourceDir(source)), 'lookup', `${shard}.json`), 'utf8').then((text) => JSON.parse(text) as Record<string, [number, string][]>, () => ({}));
}

export async function readPackage(ctx: AppContext, source: RegistrySource, file: string): Promise<AquaPackage> {
  return JSON.parse(await readFile(join(ctx.layout.registryCache(sourceDir(source)), 'packages', file), 'utf8')) as AquaPackage;
}

function checkedFile(ctx: AppContext, source: RegistrySource): string {
  return `${ctx.layout.registryCache(sourceDir(source))}.checked`;
}

export async function touchChecked(ctx: AppContext, source: RegistrySource): Promise<void> {
  const file = checkedFile(ctx, source);
  const now = ctx.now();
  await mkdir(ctx.layout.registriesCache, { recursive: true });
  await writeFile(file, '');
  await utimes(file, now, now);
}

/** Milliseconds since the source was last checked upstream; Infinity when never. */
export async function sinceChecked(ctx: AppContext, source: RegistrySource): Promise<number> {
  const info = await stat(checkedFile(ctx, source)).catch(() => undefined);
  return info ? ctx.now().getTime() - info.mtimeMs : Number.POSITIVE_INFINITY;
}
