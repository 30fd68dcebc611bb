/**
 * Pending self-updates: a self-updating tool rewrote its live copy, and the
 * new bytes are not captured yet (no store version, no history entry, so no
 * way back). The next tool command captures them; doctor only says so, since
 * capturing writes the store and the history, which --fix never does.
 */
import type { AppContext } from '../context.js';
import { identityOfState } from '../select/identify.js';
import { isLive } from '../select/live-policy.js';
import { changedLiveExes, readLiveMarker, sha256File } from '../../store/live.js';
import { listToolStates } from '../../store/tool-state.js';
import { count, result, type CheckResult, type Problem } from './types.js';

export interface LiveFacts {
  tool: string;
  /** The store version the live copy's bytes came from. */
  version: string;
  /** Executable → [hash captured or installed, hash now], for those whose file changed since. */
  changed: Map<string, [string | undefined, string]>;
  path: (exe: string) => string;
}

/** Pure: a problem for each live copy whose bytes differ from what was captured. */
export function judgeSelfUpdates(live: readonly LiveFacts[]): CheckResult {
  const problems: Problem[] = [];
  for (const facts of live) {
    const differing = [...facts.changed].filter(([, [was, now]]) => was !== now).map(([exe]) => exe);
    if (differing.length === 0) continue;
    problems.push({
      message: `${facts.tool} updated itself: ${differing.map(facts.path).join(', ')} no longer holds the bytes of ${facts.version}, and the new ones are not captured yet`,
      fix: `\`tool list\` (any tool command) captures them as a new store version, after which \`tool rollback ${facts.tool}\` can go back to ${facts.version}`,
    });
  }
  const summary = live.length === 0 ? 'no self-updating tool runs from a live copy' : `${count(live.length, 'live copy', 'live copies')} of self-updating tools, each captured`;
  return result('self-updates', summary, problems);
}

export async function checkSelfUpdates(ctx: AppContext): Promise<CheckResult> {
  const live: LiveFacts[] = [];
  for (const state of await listToolStates(ctx.layout)) {
    const marker = isLive(identityOfState(ctx, state)) ? await readLiveMarker(ctx.layout, state.id) : undefined;
    if (!marker) continue;
    const changed: LiveFacts['changed'] = new Map();
    // The shim's own cheap test first (time, inode); only a changed file is hashed.
    for (const exe of await changedLiveExes(ctx.layout, state.id, state.exes)) {
      changed.set(exe, [marker.sha256[exe], await sha256File(ctx.layout.liveBin(state.id, exe))]);
    }
    live.push({ tool: state.id, version: marker.version, changed, path: (exe) => ctx.layout.liveBin(state.id, exe) });
  }
  return judgeSelfUpdates(live);
}
