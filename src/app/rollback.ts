/**
 * `tool rollback name [--to version]`: re-activate the version that was active
 * before the last change (or the one asked for) and hold the tool, so updates
 * leave it alone until `tool update name` or `tool unhold name`.
 */
import { ToolError } from '../core/errors.js';
import { parseSpec, pickVersion } from '../core/spec.js';
import { readHistory } from '../store/history.js';
import { installedVersions } from '../store/read.js';
import { activateGlobal, globalVersion } from './activate.js';
import type { AppContext } from './context.js';
import type { ToolIdentity } from './identify.js';

export interface RollbackResult {
  tool: string;
  from: string | undefined;
  to: string;
  /** The user named the version (--to). */
  explicit: boolean;
}

async function previousVersion(ctx: AppContext, tool: ToolIdentity, current: string | undefined): Promise<string> {
  const history = await readHistory(ctx.layout, tool.id);
  const last = [...history].reverse().find((entry) => entry.to === current && entry.from !== null && entry.from !== current);
  if (!last?.from) {
    throw new ToolError('TOOL_NOTHING_TO_ROLL_BACK', `the history of ${tool.id} has no version before ${current ?? 'the current one'}`, {
      hint: `See \`tool history ${tool.id}\`, or choose one with \`tool rollback ${tool.id} --to <version>\``,
    });
  }
  return last.from;
}

export async function rollbackTool(ctx: AppContext, tool: ToolIdentity, to?: string): Promise<RollbackResult> {
  if (!tool.state) {
    throw new ToolError('TOOL_NOT_INSTALLED', `${tool.id} is not added`, { hint: `Run \`tool add ${tool.id}\` first` });
  }
  const current = await globalVersion(ctx, tool);
  const installed = await installedVersions(ctx.layout, tool.id);
  const target = to ? pickVersion(parseSpec(to), installed) : await previousVersion(ctx, tool, current);
  if (!target || !installed.includes(target)) {
    throw new ToolError('TOOL_NOT_INSTALLED', `${tool.id} ${to ?? target} is not in the store (installed: ${installed.join(', ') || 'none'})`, {
      hint: `Install it with \`tool run ${tool.id}@${to ?? target} -- --version\` first, or pick an installed version`,
    });
  }
  await activateGlobal(ctx, tool, target, { cause: 'rollback', held: true });
  return { tool: tool.id, from: current, to: target, explicit: to !== undefined };
}
