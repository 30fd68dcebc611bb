/**
 * What to execute for `tool run name[@spec]` and for a shim that handed over:
 * resolve the spec, install the version if it is missing, and return the
 * executable's path. `tool run` changes no selection.
 */
import { access, constants } from 'node:fs/promises';
import { ToolError } from '../../core/errors.js';
import { parseSpec, type VersionSpec } from '../../core/spec.js';
import type { ToolRequest } from '../../core/tool-ref.js';
import { describeSource } from '../../pins/resolve.js';
import type { AppContext } from '../context.js';
import { identifyTool, type ToolIdentity } from './identify.js';
import { ensureInstalled, type InstallOptions, type InstallOutcome } from '../install/install.js';
import { rebuildIndex } from './refresh.js';
import { defaultExe, notSelected, selectionHere } from './which.js';

export interface RunTarget {
  tool: string;
  version: string;
  path: string;
  installedNow: boolean;
}

interface UseOptions extends InstallOptions {
  /** Why it was installed, for the log line: "run", "selected by ./.tools line 2", "ephemeral, for tool x". */
  why: string;
}

export async function executablePath(ctx: AppContext, tool: ToolIdentity, version: string, exe: string): Promise<string> {
  const path = ctx.layout.versionBin(tool.id, version, exe);
  try {
    await access(path, constants.X_OK);
  } catch {
    throw new ToolError('TOOL_NOT_FOUND', `${tool.id} ${version} has no executable "${exe}" (${path})`, {
      hint: `Run \`tool run ${tool.id}@${version}\` to use its own executable, or select another version`,
    });
  }
  return path;
}

export async function prepareRun(ctx: AppContext, request: ToolRequest): Promise<RunTarget> {
  const tool = await identifyTool(ctx, request.name);
  let spec;
  let why = 'run';
  if (request.spec) {
    spec = parseSpec(request.spec);
  } else {
    const selection = await selectionHere(ctx, tool);
    if (!selection) throw notSelected(tool);
    spec = selection.spec;
    why = `selected by ${describeSource(selection.pin.source)}`;
  }
  const outcome = await installForUse(ctx, tool, spec, { cause: 'run', why, ephemeral: 'transient' });
  const exe = defaultExe(tool, request.name);
  return { tool: tool.id, version: outcome.version, path: await executablePath(ctx, tool, outcome.version, exe), installedNow: outcome.installed };
}

/**
 * A version for one use that selects nothing (`tool run`, `x`, `shell`,
 * `bisect`): install it if missing, say so, and let the tool's index learn it.
 */
export async function installForUse(ctx: AppContext, tool: ToolIdentity, spec: VersionSpec, use: UseOptions): Promise<InstallOutcome> {
  const outcome = await ensureInstalled(ctx, tool, spec, use);
  if (outcome.installed) ctx.log(`installed ${tool.id} ${outcome.version} (${use.why})`);
  if (tool.state) await rebuildIndex(ctx, tool);
  return outcome;
}
