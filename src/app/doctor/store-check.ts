/**
 * Store integrity: every published version still holds what its manifest
 * records. Fast by default (existence, size, mode, modification time, the
 * read-only bits); --deep re-hashes every file. A changed version is never
 * repaired in place: the fix installs it again from its release.
 */
import { readdir } from 'node:fs/promises';
import { toolIdFromDirName } from '../../store/layout.js';
import type { Manifest } from '../../store/manifest.js';
import { installedVersions, readManifest } from '../../store/read.js';
import { readToolState } from '../../store/tool-state.js';
import { judgeVersion, observeVersion, type Finding } from '../../store/version-check.js';
import type { AppContext } from '../context.js';
import { globalVersion } from '../select/activate.js';
import { identityOf } from '../select/identify.js';
import { count, result, type CheckResult, type Problem } from './types.js';

export interface VersionFacts {
  tool: string;
  version: string;
  dir: string;
  /** undefined: no readable manifest.json. */
  manifest: Manifest | undefined;
  findings: Finding[];
  /** The global selection runs this version: it cannot be removed before another is selected. */
  selected: boolean;
  /** The tool's other installed versions, newest first: where the selection can go meanwhile. */
  others: string[];
}

/** Installing again is the only repair of a store version: `tool remove` it (never the selected one), then install. */
function reinstallFix({ tool, version, selected, others }: VersionFacts): string {
  const again = `\`tool remove ${tool}@${version}\` and \`tool add ${tool}@${version}\` to install it again`;
  if (!selected) return `\`tool remove ${tool}@${version}\`; a pin that needs it installs it again on first use (\`tool add ${tool}@${version}\` to install it now)`;
  if (others.length > 0) return `\`tool rollback ${tool} --to ${others[0]}\` to leave it, then ${again}`;
  return `\`tool remove ${tool}\` (its only version), then \`tool add ${tool}@${version}\` to install it again`;
}

/** Pure: one problem per changed path (its findings joined), naming the file. */
export function judgeStore(versions: readonly VersionFacts[], deep: boolean): CheckResult {
  const problems: Problem[] = [];
  const notes: string[] = [];
  for (const facts of versions) {
    const { tool, version, dir, manifest, findings } = facts;
    const fix = reinstallFix(facts);
    if (!manifest) {
      problems.push({ message: `${tool} ${version}: ${dir}/manifest.json is missing or unreadable`, fix });
      continue;
    }
    if (deep && !manifest.files) notes.push(`${tool} ${version}: no per-file hashes recorded (installed before tool recorded them); its executables were checked by permissions and time only`);
    const byPath = new Map<string, Finding[]>();
    for (const finding of findings) byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
    for (const [path, found] of byPath) {
      const what = found.some((f) => f.executable) ? 'executable' : path.startsWith('files/') ? 'file' : 'entry';
      const changed = what === 'executable' ? ' changed after install' : '';
      problems.push({ message: `${tool} ${version}: ${what} ${dir}/${path}${changed}: ${found.map((f) => f.problem).join('; ')}`, fix });
    }
  }
  const tools = new Set(versions.map((v) => v.tool)).size;
  const how = deep ? 'every recorded file re-hashed with SHA-256' : 'sizes, modes and times; --deep re-hashes every file';
  const summary = versions.length === 0 ? 'the store is empty' : `${count(versions.length, 'version')} of ${count(tools, 'tool')} match their manifests (${how})`;
  return result('store', summary, problems, notes);
}

async function selectedVersion(ctx: AppContext, toolId: string, manifest: Manifest | undefined): Promise<string | undefined> {
  const state = await readToolState(ctx.layout, toolId).catch(() => undefined);
  const tool = identityOf(ctx, { id: toolId, repo: state?.repo ?? manifest?.repo ?? toolId, entry: ctx.registry.get(toolId), state });
  return globalVersion(ctx, tool).catch(() => undefined);
}

async function factsOf(ctx: AppContext, toolId: string, version: string, installed: string[], deep: boolean): Promise<VersionFacts> {
  const dir = ctx.layout.versionDir(toolId, version);
  const manifest = await readManifest(ctx.layout, toolId, version).catch(() => undefined);
  const selected = (await selectedVersion(ctx, toolId, manifest)) === version;
  const facts = { tool: toolId, version, dir, manifest, findings: [], selected, others: installed.filter((other) => other !== version) };
  if (!manifest) return facts;
  // Without per-file hashes there is nothing to compare a hash with: skip reading every byte.
  const observed = await observeVersion(dir, deep && manifest.files !== undefined);
  return { ...facts, findings: judgeVersion(manifest, observed) };
}

export async function checkStore(ctx: AppContext, options: { deep: boolean }): Promise<CheckResult> {
  const facts: VersionFacts[] = [];
  const toolDirs = (await readdir(ctx.layout.store).catch(() => [] as string[])).filter((name) => !name.startsWith('.')).sort();
  for (const toolId of toolDirs.map(toolIdFromDirName)) {
    const installed = await installedVersions(ctx.layout, toolId);
    for (const version of installed) facts.push(await factsOf(ctx, toolId, version, installed, options.deep));
  }
  return judgeStore(facts, options.deep);
}
