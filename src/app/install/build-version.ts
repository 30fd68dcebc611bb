/**
 * Assembles one store version in staging: download + verify + extract into
 * files/, expose executables as bin/<exe> links, write manifest.json, publish.
 * Runs under the tool's lock (see install.ts).
 */
import { chmod, mkdir, rename, rm, rmdir, symlink, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { archiveKindOf } from '../../archive/kind.js';
import type { ExtractedFile } from '../../archive/extract.js';
import { formatPlatform } from '../../core/platform.js';
import type { GitHubClient } from '../../github/types.js';
import type { Manifest } from '../../store/manifest.js';
import { createStaging, publishVersion, removeTree, sweepStaging } from '../../store/publish.js';
import type { AppContext } from '../context.js';
import { fetchAndExtract } from './fetch-asset.js';
import type { InstallPlan } from './install.js';
import { guessBins, locateBins } from './locate-bins.js';
import { assertHash } from './verify-asset.js';
import { startAttestation } from './attest-asset.js';
import { sha256File } from '../../store/live.js';
import { recordFiles } from '../../store/file-records.js';

/** The one directory an archive wraps everything in ("ripgrep-14.1.1-x86_64-…/"), if it does. */
function singleTopDir(files: readonly ExtractedFile[]): string | undefined {
  const tops = new Set(files.map((file) => file.path.split('/')[0]));
  const [top] = tops;
  if (tops.size !== 1 || !top) return undefined;
  const topEntry = files.find((file) => file.path === top);
  if (topEntry && topEntry.type !== 'dir') return undefined;
  return files.some((file) => file.path.startsWith(`${top}/`)) ? top : undefined;
}

/** Unwrap that directory so the store holds files/<exe>, not files/<long-name>/<exe>. */
async function hoist(filesDir: string, top: string): Promise<void> {
  const moved = `${filesDir}.hoist`;
  await rename(join(filesDir, top), moved);
  await rmdir(filesDir);
  await rename(moved, filesDir);
}

/** Digests the extractor computed while writing (tar), keyed as recordFiles keys them: "files/<path after unwrapping>". */
function knownDigests(files: readonly ExtractedFile[], top: string | undefined): Record<string, string> {
  const known: Record<string, string> = {};
  for (const file of files) {
    if (!file.sha256) continue;
    const path = top ? file.path.slice(top.length + 1) : file.path;
    known[`files/${path}`] = file.sha256;
  }
  return known;
}

async function exposeBins(staging: string, bins: Record<string, string>): Promise<Record<string, string>> {
  await mkdir(join(staging, 'bin'));
  const manifestBins: Record<string, string> = {};
  for (const [exe, path] of Object.entries(bins)) {
    await chmod(join(staging, 'files', path), 0o755);
    await symlink(posix.join('..', 'files', path), join(staging, 'bin', exe));
    manifestBins[exe] = `files/${path}`;
  }
  return manifestBins;
}

export async function buildVersion(ctx: AppContext, github: GitHubClient, plan: InstallPlan, cause: string): Promise<Manifest> {
  const { tool, release, version, asset } = plan;
  await sweepStaging(ctx.layout, tool.id);
  const staging = await createStaging(ctx.layout, tool.id, version, `${tool.id} ${version}`);
  try {
    const filesDir = join(staging, 'files');
    const scratch = join(staging, 'scratch');
    await mkdir(filesDir);
    await mkdir(scratch);
    const repoName = tool.repo.split('/')[1]!;
    const firstBin = tool.entry?.bins[0]?.name ?? tool.state?.exes[0] ?? repoName;
    const kind = tool.entry?.format ?? archiveKindOf(asset.name);
    const limits = ctx.settings.archiveLimits;
    const attested = startAttestation(ctx, github, plan);
    const fetched = await fetchAndExtract(github, asset, { kind, dest: filesDir, singleFileName: firstBin, scratch, limits, progress: ctx.progress });
    if (!plan.expected.ofBinary) assertHash(plan.expected, fetched.sha256, asset, tool, release.tag_name);
    await rm(scratch, { recursive: true, force: true });
    const attestation = await attested(fetched.sha256);
    // Registry paths describe the archive as published, so executables are found before unwrapping.
    const wanted = tool.entry?.bins ?? (tool.state?.exes.length ? tool.state.exes.map((name) => ({ name })) : guessBins(fetched.files, repoName));
    const located = locateBins(fetched.files, wanted, { tool: tool.id, vars: { version, tag: release.tag_name } });
    if (plan.expected.ofBinary) {
      const first = Object.values(located)[0]!;
      assertHash(plan.expected, await sha256File(join(filesDir, first)), asset, tool, release.tag_name);
    }
    const top = singleTopDir(fetched.files);
    if (top) {
      await hoist(filesDir, top);
      for (const exe of Object.keys(located)) located[exe] = located[exe]!.slice(top.length + 1);
    }
    const bins = await exposeBins(staging, located);
    // A raw asset is its own executable: its hash is known, so a large binary is not read twice.
    const single = kind === 'raw' ? fetched.files[0]?.path : undefined;
    const files = await recordFiles(staging, single ? { [`files/${single}`]: fetched.sha256 } : knownDigests(fetched.files, top));
    const manifest: Manifest = {
      schema: 1,
      tool: tool.id,
      repo: tool.repo,
      version,
      tag: release.tag_name,
      asset: { name: asset.name, url: asset.browser_download_url, size: fetched.size ?? asset.size },
      sha256: fetched.sha256,
      verification: plan.expected.verification,
      attestation,
      bins,
      platform: formatPlatform(ctx.platform()),
      installedAt: ctx.now().toISOString(),
      cause,
      files,
    };
    await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await publishVersion(ctx.layout, staging, tool.id, version);
    return manifest;
  } catch (error) {
    await removeTree(staging).catch(() => {});
    throw error;
  }
}

