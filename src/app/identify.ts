/**
 * From what a user typed ("yt-dlp", "BurntSushi/ripgrep", "rg") to the tool it
 * means. Registry names win, then owner/repo (mapped back to the registry when
 * the repo is known), then executables of added tools and registry bins.
 */
import { ToolError } from '../core/errors.js';
import { isOwnerRepo, versionEnvVar } from '../core/tool-ref.js';
import type { ToolNames } from '../pins/resolve.js';
import type { RegistryEntry } from '../registry/types.js';
import { listToolStates, readToolState, type ToolState } from '../store/tool-state.js';
import type { AppContext } from './context.js';

export interface ToolIdentity extends ToolNames {
  repo: string;
  entry: RegistryEntry | undefined;
  state: ToolState | undefined;
}

export function identityOf(id: string, repo: string, entry: RegistryEntry | undefined, state: ToolState | undefined): ToolIdentity {
  const aliases = entry ? [entry.name, entry.repo] : [repo];
  return { id, repo, entry, state, aliases, envVar: versionEnvVar(id) };
}

async function byOwnerRepo(ctx: AppContext, name: string): Promise<ToolIdentity> {
  const entry = ctx.registry.byRepo(name);
  if (entry) return identityOf(entry.name, entry.repo, entry, await readToolState(ctx.layout, entry.name));
  const states = await listToolStates(ctx.layout);
  const known = states.find((state) => state.id.toLowerCase() === name.toLowerCase());
  return identityOf(known?.id ?? name, known?.repo ?? name, undefined, known);
}

export async function identifyTool(ctx: AppContext, name: string): Promise<ToolIdentity> {
  if (isOwnerRepo(name)) return byOwnerRepo(ctx, name);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new ToolError('TOOL_UNKNOWN_TOOL', `"${name}" is not a tool name`, {
      hint: 'Use a registry name (ripgrep) or owner/repo (BurntSushi/ripgrep)',
    });
  }
  const entry = ctx.registry.get(name);
  if (entry) return identityOf(entry.name, entry.repo, entry, await readToolState(ctx.layout, entry.name));
  const states = await listToolStates(ctx.layout);
  const byExe = states.find((state) => state.exes.includes(name));
  if (byExe) return identityOf(byExe.id, byExe.repo, ctx.registry.get(byExe.id), byExe);
  const byBin = ctx.registry.byBin(name);
  if (byBin) return identityOf(byBin.name, byBin.repo, byBin, await readToolState(ctx.layout, byBin.name));
  throw new ToolError('TOOL_UNKNOWN_TOOL', `"${name}" is not in the registry and is not an added tool`, {
    hint: `Use owner/repo for any GitHub project (tool add OWNER/${name}), or see \`tool search ${name}\``,
  });
}

/** The identity of an added tool from its recorded state. */
export function identityOfState(ctx: AppContext, state: ToolState): ToolIdentity {
  return identityOf(state.id, state.repo, ctx.registry.get(state.id), state);
}

/** Registry tools are approved; any other repo only after the user added it once. */
export function assertApproved(tool: ToolIdentity, where: string): void {
  if (tool.entry || tool.state) return;
  throw new ToolError('TOOL_NOT_APPROVED', `${where} asks for ${tool.repo}, which is not in the registry and was never added`, {
    hint: `If you trust it, run \`tool add ${tool.repo}\` once; nothing was downloaded`,
  });
}
