/**
 * Install through a lock: when the lock holds a version the spec accepts, that
 * version's locked bytes are what gets installed (no API request); when it does
 * not, `--locked` refuses and a plain install falls back to asking GitHub.
 */
import { ToolError } from '../core/errors.js';
import type { VersionSpec } from '../core/spec.js';
import { readManifest } from '../store/read.js';
import type { AppContext } from '../app/context.js';
import type { ToolIdentity } from '../app/select/identify.js';
import { applyInstall, type InstallOutcome } from '../app/install/install.js';
import type { LockedTool } from './lock-file.js';
import { lockedAsset, lockedPlan, lockSatisfies } from './locked-plan.js';
import { lockPlatformKey } from './machine.js';

export interface LockUse {
  locked: LockedTool | undefined;
  path: string;
  /** The command that rewrites this lock, for messages: "tool lock", "tool lock --global". */
  fix: string;
  /** --locked: use only the lock, refuse anything it does not cover. */
  required: boolean;
  /** Where the spec was written, for messages: "./.tools line 3". */
  where: string;
}

function drift(tool: ToolIdentity, spec: VersionSpec, use: LockUse): ToolError {
  const has = use.locked ? `locks ${use.locked.version}` : `has no entry for ${tool.id}`;
  return new ToolError('TOOL_LOCK_DRIFT', `${use.where} asks for ${tool.id} ${spec.text}, but ${use.path} ${has}`, {
    hint: `Run \`${use.fix}\` to update the lock (then commit it); --locked installs only what the lock says`,
  });
}

/**
 * What installFromLock would refuse under --locked (drift, a platform or hash
 * the lock lacks, a URL outside the tool's repository), checked while planning:
 * installs run concurrently, so every line is checked before the first download.
 */
export function assertLockCovers(ctx: AppContext, tool: ToolIdentity, spec: VersionSpec, use: LockUse): void {
  if (!use.locked || !lockSatisfies(spec, use.locked)) throw drift(tool, spec, use);
  lockedPlan(ctx, tool, use.locked, use.path, use.fix);
}

/** undefined when the lock does not apply and the caller may ask GitHub instead. */
export async function installFromLock(ctx: AppContext, tool: ToolIdentity, spec: VersionSpec, use: LockUse, cause: string): Promise<InstallOutcome | undefined> {
  const locked = use.locked;
  if (!locked || !lockSatisfies(spec, locked)) {
    if (use.required) throw drift(tool, spec, use);
    return undefined;
  }
  let expected;
  try {
    expected = lockedAsset(ctx, tool, locked, use.path, use.fix);
  } catch (error) {
    if (use.required) throw error;
    return undefined; // a lock without this platform does not stop a plain install
  }
  const manifest = await readManifest(ctx.layout, tool.id, locked.version);
  if (manifest) {
    if (manifest.sha256 === expected.sha256 || !use.required) return { version: locked.version, installed: false, manifest };
    throw new ToolError('TOOL_LOCK_MISMATCH', `${tool.id} ${locked.version} in this store has sha256 ${manifest.sha256}, but ${use.path} locks ${expected.sha256} for ${lockPlatformKey(ctx.platform())}`, {
      hint: `Remove it with \`tool remove ${tool.id}@${locked.version}\` and install again, or run \`${use.fix}\` if this copy is the right one`,
    });
  }
  const plan = lockedPlan(ctx, tool, locked, use.path, use.fix);
  return applyInstall(ctx, await ctx.github(), plan, cause);
}
