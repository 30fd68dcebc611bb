/**
 * After the global selection changes, the declared set and its lock say so
 * too: the line for the tool (its spec, and the user's reason as its comment)
 * and the lock entry for the version now selected. A hold is written as the
 * exact version with a "held: why" comment, so every machine that syncs the
 * file holds it at the same version and a reader sees why.
 */
import { isToolError } from '../core/errors.js';
import { isLocalBuild } from '../core/version.js';
import type { Release } from '../github/types.js';
import type { ChangeCause } from '../store/history.js';
import type { AppContext } from '../app/context.js';
import type { ToolIdentity } from '../app/select/identify.js';
import { declareReason, declareTool, declaredEntryOf, readDeclaredSet } from './declared-set.js';
import type { DeclaredEntry } from './declared-file.js';
import { declaredPaths, lockKey } from './machine.js';
import { relockTool } from './relock.js';

export interface Intent {
  cause: ChangeCause;
  check?: 'verified' | 'unverified' | 'mismatch';
  held?: boolean;
  reason?: string;
  release?: Release;
}

export const HELD_PREFIX = 'held';

export function isHeldComment(comment: string | undefined): boolean {
  return comment !== undefined && /^held\b/i.test(comment);
}

function heldComment(intent: Intent): string {
  return `${HELD_PREFIX}: ${intent.reason ?? (intent.cause === 'rollback' ? 'rolled back' : 'held')}`;
}

/** Rewrites the declared line when the change alters what was asked for; returns the spec the line now says. */
async function declareLine(ctx: AppContext, tool: ToolIdentity, version: string, intent: Intent, wasHeld: boolean, line: DeclaredEntry | undefined): Promise<string> {
  const name = line?.name ?? (tool.entry ? tool.id : tool.repo);
  const follow = tool.state?.follow ?? 'latest';
  if (intent.held === true) {
    await declareTool(ctx, tool, { name, spec: version, reason: heldComment(intent) });
    return version;
  }
  if (intent.held === false && (wasHeld || isHeldComment(line?.comment))) {
    await declareTool(ctx, tool, { name, spec: follow, reason: intent.reason ?? '' });
    return follow;
  }
  if (!line || intent.cause === 'added') {
    await declareTool(ctx, tool, { name, spec: follow, ...(intent.reason ? { reason: intent.reason } : {}) });
    return follow;
  }
  if (intent.reason) await declareReason(ctx, tool, intent.reason);
  return line.spec;
}

export async function recordIntent(ctx: AppContext, tool: ToolIdentity, version: string, intent: Intent, wasHeld: boolean): Promise<void> {
  // The line deciding the tool here, read once: an edit rewrites it in place (or adds one at the top level), so its section, and the lock key, stay.
  const line = declaredEntryOf(await readDeclaredSet(ctx), tool);
  const spec = await declareLine(ctx, tool, version, intent, wasHeld, line);
  const key = lockKey(tool.id, line?.condition);
  const lock = declaredPaths(ctx).lock;
  if (intent.check === 'unverified' || intent.check === 'mismatch' || isLocalBuild(version)) {
    ctx.log(`note: ${tool.id} ${version} matches no upstream release, so it is a local build and is not written to ${lock}`);
    return;
  }
  try {
    await relockTool(ctx, lock, tool, version, spec, { key, ...(intent.release?.tag_name ? { release: intent.release } : {}) });
  } catch (error) {
    if (!isToolError(error) || error.code === 'TOOL_BAD_LOCK') throw error;
    ctx.log(`warning: ${lock} was not updated for ${tool.id} ${version}: ${error.toLine().replace(/[.\s]*$/, '.')} Run \`tool lock --global\` when that is fixed`);
  }
}
