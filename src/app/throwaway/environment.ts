/**
 * A throwaway environment (`tool x`, `tool shell`, one step of `tool bisect`):
 * tools at the versions asked for, first on PATH through a directory of
 * symlinks, for one command or one shell. Nothing is selected, pinned, locked
 * or written to the history; what this installs is ephemeral unless kept.
 */
import { delimiter } from 'node:path';
import { ToolError } from '../../core/errors.js';
import { parseSpec } from '../../core/spec.js';
import type { ToolRequest } from '../../core/tool-ref.js';
import type { EphemeralUse } from '../../store/ephemeral.js';
import type { AppContext } from '../context.js';
import { identifyTool } from '../select/identify.js';
import { installForUse } from '../select/run.js';
import { createBinDir, type BinLink } from './bin-dir.js';

export interface ThrowawayTool {
  /** As typed: "fd", "BurntSushi/ripgrep". */
  name: string;
  tool: string;
  version: string;
  /** Installed by this command (false: it was in the store already). */
  installed: boolean;
  exes: string[];
}

export interface Throwaway {
  tools: ThrowawayTool[];
  binDir: string;
  /** The child's environment: PATH with binDir first, and TOOL_SHELL. */
  env: NodeJS.ProcessEnv;
}

export interface ThrowawayOptions {
  by: EphemeralUse;
  /** --keep: install for good (an ordinary version, never swept). */
  keep: boolean;
}

const typed = (request: ToolRequest) => (request.spec ? `${request.name}@${request.spec}` : request.name);

function assertEachToolOnce(ids: readonly string[], requests: readonly ToolRequest[], index: number): void {
  const first = ids.indexOf(ids[index]!);
  if (first === index) return;
  throw new ToolError('TOOL_USAGE', `${typed(requests[first]!)} and ${typed(requests[index]!)} both ask for ${ids[index]}`, { hint: 'Name each tool once' });
}

/**
 * Installs what is missing, one tool after another, as `tool run` does. A
 * version is given: an installed match is used (no request); none given:
 * the latest release upstream.
 */
export async function installThrowaway(ctx: AppContext, requests: readonly ToolRequest[], options: ThrowawayOptions): Promise<ThrowawayTool[]> {
  const tools: ThrowawayTool[] = [];
  const ids: string[] = [];
  for (const [index, request] of requests.entries()) {
    const identity = await identifyTool(ctx, request.name);
    ids.push(identity.id);
    assertEachToolOnce(ids, requests, index);
    const outcome = await installForUse(ctx, identity, parseSpec(request.spec ?? 'latest'), {
      cause: options.by,
      why: options.keep ? `kept, for tool ${options.by}` : `ephemeral, for tool ${options.by}`,
      preferInstalled: request.spec !== undefined,
      ...(options.keep ? {} : { ephemeral: options.by }),
    });
    tools.push({ name: request.name, tool: identity.id, version: outcome.version, installed: outcome.installed, exes: Object.keys(outcome.manifest.bins).sort() });
  }
  return tools;
}

function binLinks(tools: readonly ThrowawayTool[]): BinLink[] {
  const owner = new Map<string, ThrowawayTool>();
  for (const tool of tools) {
    for (const exe of tool.exes) {
      const other = owner.get(exe);
      if (other) {
        throw new ToolError('TOOL_USAGE', `${other.tool} and ${tool.tool} both provide the executable "${exe}"`, {
          hint: 'Ask for one of them at a time',
        });
      }
      owner.set(exe, tool);
    }
  }
  return [...owner].map(([exe, tool]) => ({ exe, toolId: tool.tool, version: tool.version }));
}

/** TOOL_SHELL for prompts and scripts: "fd@9.0.0,rg@13.0.0", innermost environment first. */
function shellLabel(tools: readonly ThrowawayTool[], outer: string | undefined): string {
  const label = tools.map((tool) => `${tool.name}@${tool.version}`).join(',');
  return outer ? `${label},${outer}` : label;
}

/** The PATH directory and environment for the installed tools; the caller removes binDir when done (removeBinDir). */
export async function openThrowaway(ctx: AppContext, tools: ThrowawayTool[]): Promise<Throwaway> {
  const binDir = await createBinDir(ctx, binLinks(tools));
  const base = ctx.settings.env;
  const env = { ...base, PATH: base.PATH ? `${binDir}${delimiter}${base.PATH}` : binDir, TOOL_SHELL: shellLabel(tools, base.TOOL_SHELL) };
  return { tools, binDir, env };
}
