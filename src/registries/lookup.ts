/**
 * Finding a tool in the registries in aqua's format, in TOOL_REGISTRIES order.
 * A registry is fetched on first use; after that the cached catalog answers
 * (offline too), and the unpinned standard registry is re-checked at most once
 * a day by a background `tool registry update`. A registry that cannot be had
 * is skipped with a note, so the heuristic still serves owner/repo.
 */
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { ToolError, isToolError } from '../core/errors.js';
import type { AquaPackage } from '../aqua/types.js';
import type { AppContext } from '../app/context.js';
import { aquaPackageName } from '../aqua/package-name.js';
import { bestMatches, catalogEntry, shardOf, type Catalog, type CatalogEntry } from './catalog.js';
import { readCatalog, readMeta, readPackage, readShard, sinceChecked, touchChecked, type CatalogMeta } from './catalog-store.js';
import { refreshRegistry } from './refresh.js';
import { registrySourceName, type RegistrySource } from './sources.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AquaFound {
  source: string;
  ref: string;
  entry: CatalogEntry;
  pkg: AquaPackage;
  /** How the typed name matched: name, repository, alias, short name, executable. */
  by: string;
}

function refreshInBackground(ctx: AppContext): void {
  const child = spawn(ctx.cli.node, [ctx.cli.script, 'registry', 'update', '--background'], { detached: true, stdio: 'ignore', env: ctx.settings.env });
  child.on('error', () => {});
  child.unref();
}

async function stale(ctx: AppContext, source: RegistrySource, meta: CatalogMeta): Promise<boolean> {
  if (source.kind === 'file') return ((await stat(source.path).catch(() => undefined))?.mtimeMs ?? 0) > Date.parse(meta.fetchedAt);
  return source.kind === 'aqua' && !source.ref && (await sinceChecked(ctx, source)) > DAY_MS;
}

/** The indexed copy to use: fetched on first use, refreshed when due (in the background for aqua). */
export async function metaFor(ctx: AppContext, source: RegistrySource): Promise<CatalogMeta | undefined> {
  const cached = await readMeta(ctx, source);
  if (ctx.cachedRegistriesOnly) return cached;
  if (cached && !(await stale(ctx, source, cached))) return cached;
  if (cached && source.kind === 'aqua') {
    await touchChecked(ctx, source); // one background refresh a day, not one per command
    refreshInBackground(ctx);
    return cached;
  }
  try {
    await refreshRegistry(ctx, source);
    return await readMeta(ctx, source);
  } catch (error) {
    if (!isToolError(error) || error.code === 'TOOL_BAD_REGISTRY') throw error;
    ctx.log(`note: the ${registrySourceName(source)} registry is unavailable (${error.toLine()}); ${cached ? 'using the copy from ' + cached.fetchedAt.slice(0, 10) : 'continuing without it'}`);
    return cached;
  }
}

/** The whole catalog (descriptions too), for search. */
export async function catalogFor(ctx: AppContext, source: RegistrySource): Promise<Catalog | undefined> {
  return (await metaFor(ctx, source)) ? readCatalog(ctx, source) : undefined;
}

async function ambiguous(ctx: AppContext, source: RegistrySource, typed: string, matches: readonly [number, string][]): Promise<ToolError> {
  const names = await Promise.all(matches.slice(0, 6).map(async ([index]) => aquaPackageName(await readPackage(ctx, source, `${index}.json`))));
  return new ToolError('TOOL_UNKNOWN_TOOL', `"${typed}" names ${matches.length} packages in the ${registrySourceName(source)} registry: ${names.join(', ')}${matches.length > 6 ? ', …' : ''}`, {
    hint: `Use the full name, e.g. \`tool add ${names[0]}\``,
  });
}

/** A package of one registry by any of its names; reads one small lookup shard. */
export async function findIn(ctx: AppContext, source: RegistrySource, typed: string): Promise<AquaFound | undefined> {
  const meta = await metaFor(ctx, source);
  if (!meta) return undefined;
  const lower = typed.toLowerCase();
  const matches = bestMatches((await readShard(ctx, source, shardOf(lower)))[lower], typed);
  if (matches.length > 1) throw await ambiguous(ctx, source, typed, matches);
  const [match] = matches;
  if (!match) return undefined;
  const pkg = await readPackage(ctx, source, `${match[0]}.json`);
  return { source: meta.source, ref: meta.ref, entry: catalogEntry(pkg, match[0]), pkg, by: match[1] };
}

/** The first registry (in order) that knows the name; undefined when none does. */
export async function findInRegistries(ctx: AppContext, typed: string): Promise<AquaFound | undefined> {
  for (const source of ctx.settings.registries) {
    if (source.kind === 'builtin') continue;
    const found = await findIn(ctx, source, typed);
    if (found) return found;
  }
  return undefined;
}

/** Every catalog already cached, without fetching: for "did you mean" and search. */
export async function cachedCatalogs(ctx: AppContext): Promise<Catalog[]> {
  const catalogs: Catalog[] = [];
  for (const source of ctx.settings.registries) {
    if (source.kind === 'builtin') continue;
    const catalog = await readCatalog(ctx, source);
    if (catalog) catalogs.push(catalog);
  }
  return catalogs;
}
