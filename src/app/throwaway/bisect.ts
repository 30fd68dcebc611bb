/**
 * `tool bisect <tool> --good <v> --bad <v> -- <check…>`: the first release
 * between good and bad for which the check fails. Releases come from upstream
 * in version order; each candidate is installed ephemerally and the check runs
 * with it first on PATH, as `tool x` would run it. Both ends are checked first,
 * so a check that cannot tell them apart stops before any search.
 */
import { bisectOutcome, nextCandidate, recordVerdict, startBisect, verdictOf, type BisectOutcome, type Verdict } from '../../core/bisect.js';
import { ToolError, isToolError } from '../../core/errors.js';
import { nearestVersions, parseSpec, pickVersion } from '../../core/spec.js';
import { compareVersions, isLocalBuild } from '../../core/version.js';
import type { AppContext } from '../context.js';
import { remoteVersions, type RemoteVersion } from '../lifecycle/versions.js';
import { identifyTool } from '../select/identify.js';
import { endpointProblem } from './bisect-ends.js';
import { runCommand, withThrowaway } from './session.js';

export interface BisectRequest {
  /** As typed: registry name, executable or owner/repo. */
  name: string;
  good: string;
  bad: string;
  check: readonly string[];
}

export interface BisectStep {
  version: string;
  verdict: Verdict;
  exitCode: number | null;
  signal: string | null;
  /** Why a version was skipped without running the check (it could not be installed here). */
  note: string | null;
}

export interface BisectResult extends BisectOutcome {
  tool: string;
  good: string;
  bad: string;
  /** Releases from good to bad, both included. */
  releases: number;
  steps: BisectStep[];
  /** Commands that keep the last good release: pin it here; roll back (added tools) or add it. */
  next: string[];
}

/** Stable releases between the two ends; a prerelease only when it is an end itself. */
function releasesBetween(all: readonly RemoteVersion[], good: string, bad: string): string[] {
  return all
    .filter((release) => (!release.prerelease && !isLocalBuild(release.version)) || release.version === good || release.version === bad)
    .map((release) => release.version)
    .filter((version) => compareVersions(version, good) >= 0 && compareVersions(version, bad) <= 0)
    .sort(compareVersions);
}

function releaseFor(toolId: string, flag: string, text: string, versions: readonly string[]): string {
  const spec = parseSpec(text, flag);
  const version = pickVersion(spec, versions);
  if (version) return version;
  throw new ToolError('TOOL_NO_MATCHING_VERSION', `${toolId} has no release ${text} (${flag})`, {
    hint: `Releases near it: ${nearestVersions(spec, versions).join(', ') || 'none'}; \`tool versions ${toolId}\` lists them all`,
  });
}

const STOPPING: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs the check once. Ctrl-C reaches both the check and this process: the
 * check may exit with any status then, so the signal this process saw, not the
 * status, decides that the search stops.
 */
async function runCheck(request: BisectRequest, version: string, env: NodeJS.ProcessEnv): Promise<BisectStep> {
  let stopped: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals) => (stopped ??= signal);
  for (const signal of STOPPING) process.on(signal, stop);
  try {
    // The check's output goes to stderr: stdout carries the steps and the result (or --json).
    const status = await runCommand(request.check, { env, stdio: ['ignore', 2, 2], what: 'check' });
    stopped ??= STOPPING.find((signal) => signal === status.signal);
    if (stopped) {
      throw new ToolError('TOOL_INTERRUPTED', `the check was stopped by ${stopped} while testing ${version}; nothing was decided`, {
        hint: 'Run the same `tool bisect` again to start over',
      });
    }
    return { version, verdict: verdictOf(status.code), exitCode: status.code, signal: status.signal, note: null };
  } finally {
    for (const signal of STOPPING) process.off(signal, stop);
  }
}

async function checkVersion(ctx: AppContext, request: BisectRequest, version: string): Promise<BisectStep> {
  try {
    return await withThrowaway(ctx, [{ name: request.name, spec: version }], { by: 'bisect', keep: false }, (env) => runCheck(request, version, env.env));
  } catch (error) {
    // A release with no build for this platform cannot be judged: skip it as the check would with 125.
    if (!isToolError(error, 'TOOL_NO_MATCHING_ASSET')) throw error;
    return { version, verdict: 'skip', exitCode: null, signal: null, note: `cannot be installed here: ${error.message}` };
  }
}

export async function bisectTool(ctx: AppContext, request: BisectRequest, onStep: (step: BisectStep) => void): Promise<BisectResult> {
  const tool = await identifyTool(ctx, request.name);
  const all = await remoteVersions(ctx, tool);
  const versions = all.map((release) => release.version);
  const good = releaseFor(tool.id, '--good', request.good, versions);
  const bad = releaseFor(tool.id, '--bad', request.bad, versions);
  if (compareVersions(good, bad) >= 0) {
    throw new ToolError('TOOL_USAGE', `--good ${good} is not older than --bad ${bad}`, {
      hint: 'bisect looks for the first failing release after a passing one: --good names the older release that passes the check, --bad a newer one that fails it',
    });
  }
  const steps: BisectStep[] = [];
  const step = async (version: string) => {
    const result = await checkVersion(ctx, request, version);
    steps.push(result);
    onStep(result);
    return result;
  };
  const problem = endpointProblem(await step(good), await step(bad), request.check);
  if (problem) throw problem;
  const range = releasesBetween(all, good, bad);
  let state = startBisect(range);
  for (let index = nextCandidate(state); index !== undefined; index = nextCandidate(state)) {
    state = recordVerdict(state, index, (await step(range[index]!)).verdict);
  }
  const outcome = bisectOutcome(state);
  const keep = tool.state ? `tool rollback ${tool.id} --to ${outcome.lastGood}` : `tool add ${request.name}@${outcome.lastGood}`;
  return { tool: tool.id, good, bad, releases: range.length, steps, ...outcome, next: [`tool pin ${request.name}@${outcome.lastGood}`, keep] };
}
