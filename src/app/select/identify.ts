/**
 * From what a user typed ("yt-dlp", "BurntSushi/ripgrep", "rg") to the tool it
 * means. Registry names win, then owner/repo (mapped back to the registry when
 * the repo is known), then executables of added tools and registry bins.
 */
import { ToolError } from '../../core/errors.js';
import { isOwnerRepo, versionEnvVar } from '../../core/tool-ref.js';
import type { ToolNames } from '../../pins/resolve.js';
import type { RegistryEntry } from '../../registry/types.js';
import { listToolStates, readToolState, type ToolState } from '../../store/tool-state.js';
import type { AppContext } from '../context.js';
import { executableNames } from '../../aqua/package-name.js';
import { aquaRefOf, type AquaRef } from '../../registries/aqua-ref.js';
import { findInRegistries } from '../../registries/lookup.js';
import { isGithubRelease, unknownTool } from '../../registries/unknown-tool.js';

export interface ToolIdentity extends ToolNames {
  envVars: readonly string[];
  /** The package in a registry in aqua's format whose rules install it (loaded before planning an install). */
  aqua?: AquaRef;
  repo: string;
  entry: RegistryEntry | undefined;
  state: ToolState | undefined;
}

interface IdentityParts {
  id: string;
  repo: string;
  entry: RegistryEntry | undefined;
  state: ToolState | undefined;
  aqua?: AquaRef | undefined;
}

/**
 * A `.tools` line and TOOL_<NAME>_VERSION may name the tool by registry name,
 * owner/repo or one of its executables (`rg 13`), so the shim, `which` and
 * `install` give every line one meaning. An executable named like another
 * registry tool is left out: that name means the other tool everywhere.
 */
export function identityOf(ctx: AppContext, parts: IdentityParts): ToolIdentity {
  const { id, repo, entry, state } = parts;
  const aqua = parts.aqua ?? (state?.aqua && !entry ? { ...state.aqua } : undefined);
  const aquaExes = aqua?.pkg ? executableNames(aqua.pkg) : [];
  const exes = (state?.exes ?? entry?.bins.map((bin) => bin.name) ?? aquaExes).filter((exe) => {
    const other = ctx.registry.get(exe);
    return !other || other.name === id;
  });
  const names = entry ? [entry.name, entry.repo, ...exes] : [repo, ...exes];
  const aliases = unique(names);
  const envVars = unique([id, ...exes].map(versionEnvVar));
  return { id, repo, entry, state, aliases, envVar: envVars[0]!, envVars, ...(aqua ? { aqua } : {}) };
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function byOwnerRepo(ctx: AppContext, name: string): Promise<ToolIdentity> {
  const entry = ctx.registry.byRepo(name);
  if (entry) return identityOf(ctx, { id: entry.name, repo: entry.repo, entry, state: await readToolState(ctx.layout, entry.name) });
  const states = await listToolStates(ctx.layout);
  const known = states.find((state) => state.id.toLowerCase() === name.toLowerCase());
  if (known) return identityOf(ctx, { id: known.id, repo: known.repo, entry: undefined, state: known });
  // Not added yet: the aqua registry's rules when it has the repository, else the heuristic.
  const found = await findInRegistries(ctx, name);
  if (found && !isGithubRelease(found)) throw await unknownTool(ctx, name, found);
  if (found?.entry.repo) return identityOf(ctx, { id: found.entry.name, repo: found.entry.repo, entry: undefined, state: undefined, aqua: aquaRefOf(found) });
  return identityOf(ctx, { id: name, repo: name, entry: undefined, state: undefined });
}

export async function identifyTool(ctx: AppContext, name: string): Promise<ToolIdentity> {
  if (isOwnerRepo(name)) return byOwnerRepo(ctx, name);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new ToolError('TOOL_UNKNOWN_TOOL', `"${name}" is not a tool name`, {
      hint: 'Use a registry name (ripgrep) or owner/repo (BurntSushi/ripgrep)',
    });
  }
  const entry = ctx.registry.get(name);
  if (entry) return identityOf(ctx, { id: entry.name, repo: entry.repo, entry, state: await readToolState(ctx.layout, entry.name) });
  const states = await listToolStates(ctx.layout);
  const byExe = states.find((state) => state.exes.includes(name));
  if (byExe) return identityOfState(ctx, byExe);
  const byBin = ctx.registry.byBin(name);
  if (byBin) return identityOf(ctx, { id: byBin.name, repo: byBin.repo, entry: byBin, state: await readToolState(ctx.layout, byBin.name) });
  const found = await findInRegistries(ctx, name);
  if (found && isGithubRelease(found) && found.entry.repo) {
    const state = await readToolState(ctx.layout, found.entry.name);
    return identityOf(ctx, { id: found.entry.name, repo: found.entry.repo, entry: undefined, state, aqua: aquaRefOf(found) });
  }
  throw await unknownTool(ctx, name, found);
}

/** Text before the version in the tool's tags: registry/'s tagPrefix, else the aqua package's version_prefix. */
export function tagPrefixOf(tool: ToolIdentity): string | undefined {
  return tool.entry?.tagPrefix ?? tool.aqua?.pkg?.version_prefix;
}

/** The identity of an added tool from its recorded state. */
export function identityOfState(ctx: AppContext, state: ToolState): ToolIdentity {
  return identityOf(ctx, { id: state.id, repo: state.repo, entry: ctx.registry.get(state.id), state });
}

/** Registry tools are approved; any other repo only after the user added it once. */
export function assertApproved(tool: ToolIdentity, where: string): void {
  if (tool.entry || tool.state || tool.aqua) return; // registries the user configured are approved sources
  throw new ToolError('TOOL_NOT_APPROVED', `${where} asks for ${tool.repo}, which is not in the registry and was never added`, {
    hint: `If you trust it, run \`tool add ${tool.repo}\` once; nothing was downloaded`,
  });
}
