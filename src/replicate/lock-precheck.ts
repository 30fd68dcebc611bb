/**
 * `--locked` refuses while planning: every line is checked against the lock
 * before the first download, so a drifted line 7 cannot leave lines 1–6
 * installed (installs run concurrently, so "before" has to mean "all of them").
 */
import { ToolError } from '../core/errors.js';
import type { VersionSpec } from '../core/spec.js';
import type { AppContext } from '../app/context.js';
import type { ToolIdentity } from '../app/select/identify.js';
import type { LockUse } from './lock-install.js';
import { lockedPlan, lockSatisfies } from './locked-plan.js';

/**
 * Throws what installFromLock would throw for a required lock that does not
 * cover the line (TOOL_LOCK_DRIFT, TOOL_LOCK_MISSING, TOOL_NOT_APPROVED), with
 * the same wording; pure, no I/O.
 */
export function assertLockCovers(ctx: AppContext, tool: ToolIdentity, spec: VersionSpec, use: LockUse): void {
  const locked = use.locked;
  if (!locked || !lockSatisfies(spec, locked)) {
    const has = locked ? `locks ${locked.version}` : `has no entry for ${tool.id}`;
    throw new ToolError('TOOL_LOCK_DRIFT', `${use.where} asks for ${tool.id} ${spec.text}, but ${use.path} ${has}`, {
      hint: `Run \`${use.fix}\` to update the lock (then commit it); --locked installs only what the lock says`,
    });
  }
  lockedPlan(ctx, tool, locked, use.path, use.fix);
}
