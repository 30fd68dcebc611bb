/**
 * GitHub: which variable the token comes from (never the token itself), and
 * how much of the API rate limit is left (GET /rate_limit, which does not
 * count against it). Offline is one note, not a failed doctor.
 */
import { isToolError, type ToolError } from '../../core/errors.js';
import { isUnreachable } from '../../github/reachability-gate.js';
import type { RateLimit } from '../../github/types.js';
import type { AppContext } from '../context.js';
import { result, type CheckResult, type Problem } from './types.js';

export interface GithubFacts {
  apiUrl: string;
  /** The variable the token was read from; undefined when there is none. */
  tokenVariable: string | undefined;
  /** undefined with no error: the server has no rate limit (GitHub Enterprise with it off). */
  rate?: RateLimit | undefined;
  error?: ToolError;
  /** The error is that no connection could be made at all: offline. */
  offline?: boolean;
  nowMs: number;
}

function resetText(rate: RateLimit, nowMs: number): string {
  const minutes = Math.max(1, Math.ceil((rate.reset * 1000 - nowMs) / 60_000));
  return `${new Date(rate.reset * 1000).toISOString()} (in ${minutes} min)`;
}

/** Pure: what those facts amount to. */
export function judgeGithub(facts: GithubFacts): CheckResult {
  const token = facts.tokenVariable ? `token from ${facts.tokenVariable} (not shown)` : 'no token (GITHUB_TOKEN or GH_TOKEN)';
  const notes: string[] = [];
  const problems: Problem[] = [];
  if (facts.error) {
    if (facts.offline) notes.push(`offline: ${facts.error.message}; the rate limit is unknown`);
    else problems.push({ message: `asking ${facts.apiUrl} for the rate limit failed: ${facts.error.message}`, fix: facts.error.hint ?? `check ${facts.tokenVariable ?? 'TOOL_GITHUB_API_URL'}` });
    return result('github', `${facts.apiUrl}, ${token}`, problems, notes);
  }
  const rate = facts.rate;
  if (!rate) return result('github', `${facts.apiUrl}, ${token}; the server has no rate limit`, problems, notes);
  if (rate.remaining === 0) {
    const fix = facts.tokenVariable
      ? `wait until ${resetText(rate, facts.nowMs)}; \`tool install --locked\` and \`tool sync --locked\` need no API request`
      : `set GITHUB_TOKEN (5,000 requests an hour instead of ${rate.limit}), or wait until ${resetText(rate, facts.nowMs)}`;
    problems.push({ message: `the GitHub API rate limit is used up: 0 of ${rate.limit} requests left`, fix });
  }
  return result('github', `${facts.apiUrl}, ${token}; ${rate.remaining} of ${rate.limit} API requests left this hour, reset ${resetText(rate, facts.nowMs)}`, problems, notes);
}

export async function checkGithub(ctx: AppContext): Promise<CheckResult> {
  const env = ctx.settings.env;
  const tokenVariable = env.GITHUB_TOKEN ? 'GITHUB_TOKEN' : env.GH_TOKEN ? 'GH_TOKEN' : undefined;
  const facts: GithubFacts = { apiUrl: ctx.settings.apiUrl.href.replace(/\/+$/, ''), tokenVariable, nowMs: ctx.now().getTime() };
  try {
    facts.rate = await (await ctx.github()).rateLimit();
  } catch (error) {
    if (!isToolError(error)) throw error;
    facts.error = error;
    facts.offline = isUnreachable(error);
  }
  return judgeGithub(facts);
}
