/**
 * The slow path of a shim: its sh fast path found no ready answer, so resolve
 * the pin exactly as the shim would, install the version if the source is
 * approved, teach the index the spec so the next call stays in sh, and return
 * the executable to run.
 */
import { ToolError } from '../../core/errors.js';
import { describeSource } from '../../pins/resolve.js';
import { withToolLock } from '../../store/lock.js';
import { readToolState } from '../../store/tool-state.js';
import type { AppContext } from '../context.js';
import { assertApproved, identityOf } from './identify.js';
import { isLive } from './live-policy.js';
import { recordSeenFile } from './seen-files.js';
import { captureAndReport } from '../../capture/notice.js';
import { ensureInstalled } from '../install/install.js';
import { installFromLock } from '../../replicate/lock-install.js';
import { writeLockedIndex } from '../../replicate/locked-index.js';
import { recordSeenSpec, rebuildIndex } from './refresh.js';
import { executablePath, type RunTarget } from './run.js';
import { notSelected, selectionHere } from './which.js';

export async function shimTarget(ctx: AppContext, toolId: string, exe: string): Promise<RunTarget> {
  const state = await readToolState(ctx.layout, toolId);
  const entry = ctx.registry.get(toolId);
  if (!state && !entry) {
    throw new ToolError('TOOL_NOT_INSTALLED', `the shim for ${exe} belongs to ${toolId}, which is no longer added`, {
      hint: `Run \`tool add ${toolId}\` to add it again`,
    });
  }
  const tool = identityOf(ctx, { id: toolId, repo: state?.repo ?? entry!.repo, entry, state });
  // The shim hands over when the live copy changed: capture the self-update before running again.
  await captureAndReport(ctx, tool);
  const selection = await selectionHere(ctx, tool);
  if (!selection) throw notSelected(tool);
  const where = describeSource(selection.pin.source);
  let version = selection.version;
  let installedNow = false;
  if (!version) {
    assertApproved(tool, where);
    const lock = selection.lock;
    ctx.log(`${tool.id} ${lock ? lock.entry.version : selection.pin.spec} (${where}${lock ? ', locked' : ''}) is not installed; installing it now`);
    const use = lock && { locked: lock.entry, path: lock.path, fix: 'tool lock', required: true, where };
    const outcome = use ? await installFromLock(ctx, tool, selection.spec, use, 'pinned') : await ensureInstalled(ctx, tool, selection.spec, { cause: 'pinned' });
    version = outcome!.version;
    installedNow = outcome!.installed;
  }
  await withToolLock(ctx.layout, tool.id, async () => {
    if (selection.pin.source.kind !== 'global') await recordSeenSpec(ctx, tool.id, selection.pin.spec);
    if (selection.pin.source.kind === 'file') await recordSeenFile(ctx, selection.pin.source.path);
    await rebuildIndex(ctx, tool);
  });
  // Whatever the lock says (or no longer says) about this tool, the shim trusts the locked index again after this.
  if (selection.pin.source.kind === 'file') await writeLockedIndex(ctx, selection.pin.source.path);
  const live = selection.pin.source.kind === 'global' && isLive(tool) ? ctx.layout.liveBin(tool.id, exe) : undefined;
  return { tool: tool.id, version, path: live ?? (await executablePath(ctx, tool, version, exe)), installedNow };
}
