/**
 * `tool hold` / `tool unhold`: keep a tool where it is through `tool update`
 * and background checks, or release it. The hold is written into the declared
 * set (the exact version, "held: why") so every machine holds it too, and the
 * history keeps the reason.
 */
import { ToolError } from '../../core/errors.js';
import { appendHistory } from '../../store/history.js';
import { readManifest } from '../../store/read.js';
import { writeToolState } from '../../store/tool-state.js';
import { recordIntent } from '../../replicate/record-intent.js';
import { globalVersion } from '../select/activate.js';
import type { AppContext } from '../context.js';
import { identityOf, type ToolIdentity } from '../select/identify.js';

export interface HoldResult {
  tool: string;
  held: boolean;
  changed: boolean;
  version: string | undefined;
}

export async function setHeld(ctx: AppContext, tool: ToolIdentity, held: boolean, reason?: string): Promise<HoldResult> {
  if (!tool.state) throw new ToolError('TOOL_NOT_INSTALLED', `${tool.id} is not added`, { hint: `Run \`tool add ${tool.id}\` first` });
  const wasHeld = Boolean(tool.state.held);
  const changed = wasHeld !== held;
  const state = { ...tool.state, held };
  if (changed) await writeToolState(ctx.layout, state);
  const version = await globalVersion(ctx, tool);
  if (version && (changed || reason)) {
    const manifest = await readManifest(ctx.layout, tool.id, version);
    await appendHistory(ctx.layout, {
      at: ctx.now().toISOString(),
      tool: tool.id,
      from: version,
      to: version,
      cause: held ? 'held' : 'released',
      sha256: manifest?.sha256 ?? '',
      ...(reason ? { reason } : {}),
    });
    await recordIntent(ctx, identityOf(ctx, { ...tool, state }), version, { cause: held ? 'held' : 'released', held, ...(reason ? { reason } : {}) }, wasHeld);
  }
  return { tool: tool.id, held, changed, version };
}
