/**
 * `tool rollback name [--to version] [--reason text]`: re-activate the version
 * that was active before the last change (or the one asked for) and hold the
 * tool, so updates leave it alone until `tool update name` or `tool unhold name`.
 * A target that is no longer in the store (pruned) is downloaded again and
 * checked against the SHA-256 its history recorded (see reinstall.ts), before
 * anything visible changes.
 */
import { ToolError } from '../../core/errors.js';
import { parseSpec, pickVersion } from '../../core/spec.js';
import { normalizeVersion } from '../../core/version.js';
import { readHistory, type HistoryEntry } from '../../store/history.js';
import { installedVersions } from '../../store/read.js';
import { activateGlobal, globalVersion } from '../select/activate.js';
import type { AppContext } from '../context.js';
import { rollbackTargetIn } from './history-facts.js';
import type { ToolIdentity } from '../select/identify.js';
import { reinstallVersion, type Reinstalled } from '../install/reinstall.js';

export interface RollbackResult {
  tool: string;
  from: string | undefined;
  to: string;
  /** The user named the version (--to). */
  explicit: boolean;
  /** Set when the version was not in the store and was downloaded again. */
  reinstalled?: Reinstalled;
  reason?: string;
}

export interface RollbackOptions {
  to?: string;
  reason?: string;
}

function previousVersion(tool: ToolIdentity, history: readonly HistoryEntry[], current: string | undefined): string {
  const target = rollbackTargetIn(history, current);
  if (!target) {
    throw new ToolError('TOOL_NOTHING_TO_ROLL_BACK', `the history of ${tool.id} has no version before ${current ?? 'the current one'}`, {
      hint: `See \`tool history ${tool.id}\`, or choose one with \`tool rollback ${tool.id} --to <version>\``,
    });
  }
  return target;
}

/**
 * --to names a version that is not installed: it is downloaded only when
 * exact (three parts, or exactly as the history names it), because a prefix
 * would pick whatever is newest upstream, not a version that ran here.
 */
function exactVersion(tool: ToolIdentity, to: string, history: readonly HistoryEntry[], installed: readonly string[]): string {
  const spec = parseSpec(to, '--to');
  const text = normalizeVersion(to);
  const seen = history.map((entry) => entry.to);
  if (spec.kind === 'version' && (spec.version.parts.length >= 3 || seen.includes(text))) return text;
  const suggestion = pickVersion(spec, seen) ?? '<version>';
  throw new ToolError('TOOL_USAGE', `no installed version of ${tool.id} matches "${to}" (installed: ${installed.join(', ') || 'none'}), and rollback downloads only an exact version`, {
    hint: `Name one exactly, e.g. \`tool rollback ${tool.id} --to ${suggestion}\` (see \`tool history ${tool.id}\`)`,
  });
}

export async function rollbackTool(ctx: AppContext, tool: ToolIdentity, options: RollbackOptions = {}): Promise<RollbackResult> {
  if (!tool.state) {
    throw new ToolError('TOOL_NOT_INSTALLED', `${tool.id} is not added`, { hint: `Run \`tool add ${tool.id}\` first` });
  }
  const { to, reason } = options;
  const current = await globalVersion(ctx, tool);
  const installed = await installedVersions(ctx.layout, tool.id);
  const history = await readHistory(ctx.layout, tool.id);
  const target = to
    ? (pickVersion(parseSpec(to, '--to'), installed) ?? exactVersion(tool, to, history, installed))
    : previousVersion(tool, history, current);
  // Install first: a failed download or a hash mismatch must leave the selection as it was.
  const reinstalled = installed.includes(target) ? undefined : await reinstallVersion(ctx, tool, target, history, current);
  await activateGlobal(ctx, tool, target, { cause: 'rollback', held: true, ...(reason ? { reason } : {}) });
  return {
    tool: tool.id,
    from: current,
    to: target,
    explicit: to !== undefined,
    ...(reinstalled ? { reinstalled } : {}),
    ...(reason ? { reason } : {}),
  };
}
