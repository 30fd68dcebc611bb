/**
 * Getting a registry in aqua's format and indexing it. aqua's standard registry
 * is read the way aqua reads it, through the contents API at a ref (a release
 * tag: the newest one unless TOOL_REGISTRIES pins `aqua@<ref>`), checked against
 * its git blob id; a URL is downloaded, a file read. The YAML is parsed only
 * here (the parser is loaded lazily), then published as a catalog by rename.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolError } from '../core/errors.js';
import type { AppContext } from '../app/context.js';
import { buildShards, catalogEntry, type Catalog } from './catalog.js';
import { forgetCatalogs, readMeta, sourceDir, touchChecked } from './catalog-store.js';
import { registrySourceName, type RegistrySource } from './sources.js';

export const AQUA_REPO = 'aquaproj/aqua-registry';
/** Used when the newest release cannot be looked up; any later refresh moves on from it. */
export const AQUA_FALLBACK_REF = 'v4.155.1';

interface Fetched {
  ref: string;
  sha: string;
  text: string;
}

async function fetchAqua(ctx: AppContext, pinned: string | undefined): Promise<Fetched> {
  const github = await ctx.github();
  const ref = pinned ?? (await github.latestRelease(AQUA_REPO))?.tag_name ?? AQUA_FALLBACK_REF;
  const file = await github.repositoryFile(AQUA_REPO, 'registry.yaml', ref);
  if (!file) {
    throw new ToolError('TOOL_NOT_FOUND', `${AQUA_REPO} has no registry.yaml at ${ref}`, { hint: 'Pin an existing tag with TOOL_REGISTRIES=builtin,aqua@<tag>, or leave it unpinned' });
  }
  return { ref, sha: file.sha, text: file.text };
}

async function fetchUrl(ctx: AppContext, url: string): Promise<Fetched> {
  const asset = { id: 0, name: 'registry.yaml', size: 0, digest: null, browser_download_url: url, url };
  const text = await (await ctx.github()).fetchText(asset);
  return { ref: url, sha: createHash('sha256').update(text).digest('hex'), text };
}

async function readLocal(path: string): Promise<Fetched> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ToolError('TOOL_BAD_SETTING', `the registry file ${path} (TOOL_REGISTRIES) cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}`, { hint: 'Fix the path in TOOL_REGISTRIES or create the file' });
  }
  return { ref: path, sha: createHash('sha256').update(text).digest('hex'), text };
}

function fetchSource(ctx: AppContext, source: RegistrySource): Promise<Fetched> {
  if (source.kind === 'aqua') return fetchAqua(ctx, source.ref);
  if (source.kind === 'url') return fetchUrl(ctx, source.url);
  if (source.kind === 'file') return readLocal(source.path);
  throw new Error('the builtin registry is not fetched');
}

/** Parse and write catalog.json + packages/ beside the live copy, then swap it in by rename. */
async function publish(ctx: AppContext, source: RegistrySource, fetched: Fetched): Promise<Catalog> {
  const { parseRegistryYaml } = await import('../aqua/yaml-load.js');
  const packages = parseRegistryYaml(fetched.text, registrySourceName(source) === 'aqua' ? `${AQUA_REPO} registry.yaml at ${fetched.ref}` : registrySourceName(source));
  const final = ctx.layout.registryCache(sourceDir(source));
  const staging = `${final}.${randomBytes(4).toString('hex')}.tmp`;
  await mkdir(join(staging, 'packages'), { recursive: true });
  const entries = packages.map((pkg, index) => catalogEntry(pkg, index));
  await Promise.all(packages.map((pkg, index) => writeFile(join(staging, 'packages', `${index}.json`), JSON.stringify(pkg))));
  const catalog: Catalog = { catalogVersion: 1, source: registrySourceName(source), ref: fetched.ref, sha: fetched.sha, fetchedAt: ctx.now().toISOString(), entries };
  await writeFile(join(staging, 'catalog.json'), JSON.stringify(catalog));
  await mkdir(join(staging, 'lookup'));
  for (const [shard, keys] of buildShards(entries)) await writeFile(join(staging, 'lookup', `${shard}.json`), JSON.stringify(keys));
  const { entries: _omitted, ...meta } = catalog;
  await writeFile(join(staging, 'meta.json'), JSON.stringify({ ...meta, packages: entries.length }));
  const old = `${final}.${randomBytes(4).toString('hex')}.old`;
  await rename(final, old).catch(() => {});
  await rename(staging, final);
  await rm(old, { recursive: true, force: true });
  forgetCatalogs();
  return catalog;
}

export interface RefreshResult {
  source: string;
  ref: string;
  packages: number;
  changed: boolean;
  previousRef: string | undefined;
}

export async function refreshRegistry(ctx: AppContext, source: RegistrySource): Promise<RefreshResult> {
  const before = await readMeta(ctx, source);
  const fetched = await fetchSource(ctx, source);
  const changed = before?.sha !== fetched.sha;
  const after = changed ? await publish(ctx, source, fetched) : undefined;
  await touchChecked(ctx, source);
  return { source: registrySourceName(source), ref: after?.ref ?? before!.ref, packages: after?.entries.length ?? before!.packages, changed, previousRef: before?.ref };
}
