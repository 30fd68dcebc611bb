/**
 * `tool outdated`: what has a newer release, without changing anything.
 * Release metadata is ETag-cached. Tools are looked up concurrently (at most
 * jobLimit() at once) behind a reachability gate: the first request goes
 * alone, and when GitHub cannot be reached no other tool tries the network;
 * every row is then answered from the cache and marked stale, and the one
 * connection error is returned once rather than once per tool.
 */
import { isToolError, type ToolError } from '../../core/errors.js';
import { mapSettled } from '../../core/pool.js';
import { parseSpec } from '../../core/spec.js';
import { compareVersions } from '../../core/version.js';
import { gateFirstRequest, isUnreachable } from '../../github/reachability-gate.js';
import type { GitHubClient } from '../../github/types.js';
import { readHistory } from '../../store/history.js';
import { listToolStates, type ToolState } from '../../store/tool-state.js';
import { globalVersion } from '../select/activate.js';
import type { AppContext } from '../context.js';
import { jobLimit } from '../jobs.js';
import { latestReason } from './history-facts.js';
import { identityOfState, type ToolIdentity } from '../select/identify.js';
import type { HeldBack } from '../../core/release-age.js';
import { lookUpOldEnough } from '../install/resolve-old-enough.js';

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
  /** GitHub could not be reached: wanted/latest are what the cache last saw (undefined when it saw nothing). */
  stale?: boolean;
  /**
   * A release newer than `wanted` (else `latest`) that the cooldown holds back,
   * with the policy that holds it: wanted and latest count only releases old enough.
   */
  heldBack?: HeldBack & { minReleaseAgeSeconds: number; setBy: string };
}

export interface OutdatedReport {
  rows: OutdatedRow[];
  /** Why GitHub could not be reached, when it could not; the rows are then stale. */
  offline?: ToolError;
}

interface Lookup {
  github: GitHubClient;
  /** The cache-only client, opened on the first row that needs it. */
  cache(): Promise<GitHubClient>;
}

async function openCache(ctx: AppContext): Promise<GitHubClient> {
  const [{ createGitHubClient }, { createFileEtagCache }] = await Promise.all([import('../../github/client.js'), import('../../github/etag-cache.js')]);
  return createGitHubClient(ctx.settings, createFileEtagCache(ctx.layout.httpCache), { cacheOnly: true });
}

/** Fills in wanted, latest and outdated as far as `github` can answer. */
async function lookUp(ctx: AppContext, row: OutdatedRow, github: GitHubClient, tool: ToolIdentity): Promise<void> {
  const latest = await lookUpOldEnough(ctx, github, tool, parseSpec('latest'));
  const wanted = row.follows === 'latest' ? latest : await lookUpOldEnough(ctx, github, tool, parseSpec(row.follows));
  row.latest = latest.resolved?.version;
  row.wanted = wanted.resolved?.version;
  const held = wanted.resolved ? wanted.resolved.heldBack : wanted.soonest;
  const heldBack = held ?? latest.resolved?.heldBack ?? latest.soonest;
  if (heldBack && latest.policy) row.heldBack = { ...heldBack, minReleaseAgeSeconds: latest.policy.seconds, setBy: latest.policy.setBy };
  row.outdated = row.current === undefined || (row.latest !== undefined && compareVersions(row.latest, row.current) > 0);
}

async function checkTool(ctx: AppContext, state: ToolState, lookup: Lookup): Promise<OutdatedRow> {
  const tool = identityOfState(ctx, state);
  const row: OutdatedRow = { tool: tool.id, current: await globalVersion(ctx, tool), follows: state.follow ?? 'latest', wanted: undefined, latest: undefined, held: Boolean(state.held), outdated: false };
  const reason = latestReason(await readHistory(ctx.layout, tool.id));
  if (reason) row.reason = reason;
  try {
    await lookUp(ctx, row, lookup.github, tool);
  } catch (error) {
    if (!isToolError(error)) throw error;
    if (!isUnreachable(error)) {
      row.error = error.toLine();
      return row;
    }
    row.stale = true;
    // Nothing cached for this tool leaves its columns unknown; the offline error already says why.
    await lookUp(ctx, row, await lookup.cache(), tool).catch((cacheError: unknown) => {
      if (!isToolError(cacheError)) throw cacheError;
    });
  }
  return row;
}

export async function outdatedTools(ctx: AppContext): Promise<OutdatedReport> {
  const states = await listToolStates(ctx.layout);
  const jobs = jobLimit(ctx.settings);
  if (states.length === 0) return { rows: [] };
  const gate = gateFirstRequest(await ctx.github());
  let cache: Promise<GitHubClient> | undefined;
  const lookup: Lookup = { github: gate.client, cache: () => (cache ??= openCache(ctx)) };
  const settled = await mapSettled(states, jobs, (state) => checkTool(ctx, state, lookup));
  const rows = settled.map((result) => {
    if (!result.ok) throw result.error;
    return result.value;
  });
  const offline = gate.offline();
  return offline ? { rows, offline } : { rows };
}
