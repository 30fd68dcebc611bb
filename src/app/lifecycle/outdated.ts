/** `tool outdated`: what has a newer release, without changing anything. Release metadata is ETag-cached. */
import { isToolError } from '../../core/errors.js';
import { parseSpec } from '../../core/spec.js';
import { compareVersions } from '../../core/version.js';
import { readHistory } from '../../store/history.js';
import { listToolStates } from '../../store/tool-state.js';
import { globalVersion } from '../select/activate.js';
import type { AppContext } from '../context.js';
import { latestReason } from './history-facts.js';
import { identityOfState } from '../select/identify.js';
import { resolveRelease } from '../install/resolve-release.js';

export interface OutdatedRow {
  tool: string;
  current: string | undefined;
  follows: string;
  /** Newest release the followed spec allows. */
  wanted: string | undefined;
  /** Newest release overall. */
  latest: string | undefined;
  held: boolean;
  outdated: boolean;
  /** The reason of the latest history entry that has one (`--reason`): why it is held, for example. */
  reason?: string;
  error?: string;
}

export async function outdatedTools(ctx: AppContext): Promise<OutdatedRow[]> {
  const github = await ctx.github();
  const rows: OutdatedRow[] = [];
  for (const state of await listToolStates(ctx.layout)) {
    const tool = identityOfState(ctx, state);
    const follows = state.follow ?? 'latest';
    const row: OutdatedRow = { tool: tool.id, current: await globalVersion(ctx, tool), follows, wanted: undefined, latest: undefined, held: Boolean(state.held), outdated: false };
    const reason = latestReason(await readHistory(ctx.layout, tool.id));
    if (reason) row.reason = reason;
    try {
      row.latest = (await resolveRelease(github, tool, parseSpec('latest'))).version;
      row.wanted = follows === 'latest' ? row.latest : (await resolveRelease(github, tool, parseSpec(follows))).version;
      row.outdated = row.current === undefined || compareVersions(row.latest, row.current) > 0;
    } catch (error) {
      if (!isToolError(error)) throw error;
      row.error = error.toLine();
    }
    rows.push(row);
  }
  return rows;
}
