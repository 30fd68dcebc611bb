/**
 * `tool update [names…]`: move each tool's global selection to the newest
 * release its followed spec allows. Without names, held tools are skipped;
 * naming a tool releases its hold. Each tool succeeds or fails on its own.
 */
import { isToolError } from '../../core/errors.js';
import { parseSpec } from '../../core/spec.js';
import type { ChangeCause } from '../../store/history.js';
import { listToolStates } from '../../store/tool-state.js';
import { setHeld } from './hold.js';
import { activateGlobal, globalVersion } from '../select/activate.js';
import type { AppContext } from '../context.js';
import { identifyTool, identityOfState, type ToolIdentity } from '../select/identify.js';
import { ensureInstalled } from '../install/install.js';
import { heldBackText } from '../../core/release-age.js';
import { lookUpOldEnough, tooYoungError } from '../install/resolve-old-enough.js';
import { compareVersions } from '../../core/version.js';

export interface UpdateOutcome {
  tool: string;
  from: string | undefined;
  to: string | undefined;
  status: 'updated' | 'up-to-date' | 'held' | 'failed' | 'project-only';
  message?: string;
  /** A newer release the cooldown held back, in words ("ripgrep 14.2.0 is 3 h old; eligible in 21 h (…)"). */
  heldBack?: string;
}

/**
 * Decides before downloading. Never moves backwards: GitHub's "latest" is the
 * newest by date, so a backport published after a major release would
 * otherwise look like an update, and a captured nightly would be reverted.
 */
export async function updateOne(ctx: AppContext, tool: ToolIdentity, cause: ChangeCause, intent: { reason?: string; released?: boolean } = {}): Promise<UpdateOutcome> {
  const from = await globalVersion(ctx, tool);
  try {
    const follow = parseSpec(tool.state?.follow ?? 'latest');
    const lookup = await lookUpOldEnough(ctx, await ctx.github(), tool, follow);
    if (!lookup.resolved) {
      if (!from) throw tooYoungError(ctx, tool, follow, lookup);
      return { tool: tool.id, from, to: from, status: 'up-to-date', message: 'is up to date: nothing newer is old enough', heldBack: heldBackText(tool.id, lookup.soonest!, ctx.now(), lookup.policy!) };
    }
    const { release, version, heldBack } = lookup.resolved;
    const held = heldBack && lookup.policy ? { heldBack: heldBackText(tool.id, heldBack, ctx.now(), lookup.policy) } : {};
    if (from && compareVersions(version, from) < 0) {
      const latest = heldBack ? `is up to date (${version} is the newest release old enough)` : `is up to date (GitHub's latest release, ${version}, is older)`;
      const message = follow.kind === 'latest' ? latest : `is newer than ${follow.text} allows (${version}); left as is`;
      return { tool: tool.id, from, to: from, status: 'up-to-date', message, ...held };
    }
    if (from && compareVersions(version, from) === 0) return { tool: tool.id, from, to: from, status: 'up-to-date', ...held };
    const outcome = await ensureInstalled(ctx, tool, parseSpec(version), { cause });
    await activateGlobal(ctx, tool, outcome.version, { cause, release, ...(intent.released ? { held: false } : {}), ...(intent.reason ? { reason: intent.reason } : {}) });
    return { tool: tool.id, from, to: outcome.version, status: 'updated', ...held };
  } catch (error) {
    if (!isToolError(error)) throw error;
    return { tool: tool.id, from, to: undefined, status: 'failed', message: error.toLine() };
  }
}

async function targets(ctx: AppContext, names: readonly string[]): Promise<{ tool: ToolIdentity; named: boolean }[]> {
  if (names.length > 0) {
    return Promise.all(names.map(async (name) => ({ tool: await identifyTool(ctx, name), named: true })));
  }
  const states = await listToolStates(ctx.layout);
  return states.map((state) => ({ tool: identityOfState(ctx, state), named: false }));
}

export async function updateTools(ctx: AppContext, names: readonly string[] = [], options: { reason?: string } = {}): Promise<UpdateOutcome[]> {
  const outcomes: UpdateOutcome[] = [];
  for (const { tool, named } of await targets(ctx, names)) {
    if (!tool.state) {
      outcomes.push({ tool: tool.id, from: undefined, to: undefined, status: 'failed', message: `${tool.id} is not added. Run \`tool add ${tool.id}\`` });
      continue;
    }
    // Installed only for projects' .tools (by `tool install` or a shim): their pins decide its versions, not update.
    if ((await globalVersion(ctx, tool)) === undefined) {
      if (named) outcomes.push({ tool: tool.id, from: undefined, to: undefined, status: 'project-only', message: `${tool.id} is installed for projects only (no global selection); \`tool pin ${tool.id}@<version>\` moves a project, \`tool add ${tool.id}\` selects it globally` });
      continue;
    }
    if (tool.state.held && !named) {
      outcomes.push({ tool: tool.id, from: await globalVersion(ctx, tool), to: undefined, status: 'held', message: `held since a rollback; \`tool update ${tool.id}\` or \`tool unhold ${tool.id}\` releases it` });
      continue;
    }
    const outcome = await updateOne(ctx, tool, 'updated', { ...options, released: Boolean(tool.state.held) });
    // Naming a held tool releases it even when there is nothing newer.
    if (tool.state.held && outcome.status === 'up-to-date') await setHeld(ctx, tool, false, options.reason);
    outcomes.push(outcome);
  }
  return outcomes;
}
