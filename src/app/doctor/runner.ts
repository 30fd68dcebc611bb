/**
 * `tool doctor`: every check, each returning data (see types.ts), run at once.
 * With --fix the derived-state repairs the problems carry are made, and the
 * checks that had any are run again, so the report shows the state after.
 */
import { isToolError } from '../../core/errors.js';
import type { AppContext } from '../context.js';
import { checkGithub } from './github-check.js';
import { checkIndex } from './index-check.js';
import { checkLocks } from './locks-check.js';
import { checkNetwork } from './network-check.js';
import { checkPath } from './path-check.js';
import { checkProject } from './project-check.js';
import { applyRepairs } from './repair.js';
import { checkSelfUpdates } from './self-updates-check.js';
import { checkShims } from './shims-check.js';
import { checkStore } from './store-check.js';
import { result, type CheckName, type CheckResult, type DoctorOptions, type DoctorReport } from './types.js';

type Check = (ctx: AppContext, options: { deep: boolean }) => Promise<CheckResult>;

/** In the order they are reported: where commands come from, what they run, then the rest. */
const CHECKS: ReadonlyArray<[CheckName, Check]> = [
  ['path', checkPath],
  ['shims', checkShims],
  ['store', checkStore],
  ['index', checkIndex],
  ['locks', checkLocks],
  ['project', checkProject],
  ['network', checkNetwork],
  ['github', checkGithub],
  ['self-updates', checkSelfUpdates],
];

/** A check that meets a user-caused error (an unreadable file, say) reports it as its problem; a bug propagates. */
async function runCheck(ctx: AppContext, [name, check]: [CheckName, Check], deep: boolean): Promise<CheckResult> {
  try {
    return await check(ctx, { deep });
  } catch (error) {
    if (!isToolError(error)) throw error;
    return result(name, '', [{ message: error.message, fix: error.hint ?? 'see the message' }]);
  }
}

export async function runDoctor(ctx: AppContext, options: DoctorOptions = {}): Promise<DoctorReport> {
  const deep = Boolean(options.deep);
  let checks = await Promise.all(CHECKS.map((entry) => runCheck(ctx, entry, deep)));
  const fixed = options.fix ? await applyRepairs(ctx, checks.flatMap((check) => check.problems)) : [];
  if (fixed.length > 0) {
    checks = await Promise.all(CHECKS.map((entry, i) => (checks[i]!.problems.some((p) => p.repair) ? runCheck(ctx, entry, deep) : checks[i]!)));
  }
  return { ok: checks.every((check) => check.ok), checks, fixed };
}
