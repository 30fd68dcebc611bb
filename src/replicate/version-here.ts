/**
 * The version a declared or pinned line means on this machine without asking
 * GitHub: the locked one while the lock satisfies the line, else the global
 * selection when it does (lines of the declared set only), else the newest
 * installed match. `tool lock` and `tool sync --check` both read lines so.
 */
import { pickPreferring, pickVersion, type VersionSpec } from '../core/spec.js';
import { ephemeralVersions } from '../store/ephemeral.js';
import { installedVersions } from '../store/read.js';
import type { AppContext } from '../app/context.js';
import { globalVersion } from '../app/select/activate.js';
import type { ToolIdentity } from '../app/select/identify.js';
import type { LockedTool } from './lock-file.js';
import { lockSatisfies } from './locked-plan.js';

export async function versionHere(ctx: AppContext, tool: ToolIdentity, spec: VersionSpec, locked: LockedTool | undefined, useSelection: boolean): Promise<string | undefined> {
  if (locked && lockSatisfies(spec, locked)) return locked.version;
  const selected = useSelection ? await globalVersion(ctx, tool) : undefined;
  if (selected && pickVersion(spec, [selected])) return selected;
  return pickPreferring(spec, await installedVersions(ctx.layout, tool.id), await ephemeralVersions(ctx.layout, tool.id));
}
