/**
 * The user's own files, read as every command reads them: the nearest `.tools`
 * and its `.tools.lock` (which must cover every line, as `tool install
 * --locked` demands), and the declared tool set with its lock. Doctor never
 * edits them; each problem names the file, the line and what to change.
 */
import { isToolError } from '../../core/errors.js';
import { parseSpec } from '../../core/spec.js';
import { nearestToolsFile } from '../../pins/resolve.js';
import { readDeclaredSet } from '../../replicate/declared-set.js';
import type { Lockfile } from '../../replicate/lock-file.js';
import { readLock } from '../../replicate/lock-io.js';
import { assertLockCovers } from '../../replicate/lock-install.js';
import { declaredPaths, projectLockPath } from '../../replicate/machine.js';
import type { AppContext } from '../context.js';
import { assertApproved, identifyTool } from '../select/identify.js';
import { count, result, type CheckResult, type Problem } from './types.js';

const LINE_HELP = 'each line is "<name> <spec>", e.g. "ripgrep 14.1.0"; # starts a comment';

/**
 * Runs `work`; a ToolError becomes a problem with its message and its hint as
 * the fix (or `fix` when given: a broken lock's own hint, `tool lock`, refuses
 * to read it). Anything else is a bug and propagates.
 */
async function attempt(problems: Problem[], work: () => Promise<unknown>, fix?: string): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (!isToolError(error)) throw error;
    problems.push({ message: error.message, fix: fix ?? error.hint ?? 'see the message' });
    return false;
  }
}

const brokenLockFix = (path: string, relock: string) => `repair ${path} by hand (a merge conflict?), or delete it and run \`${relock}\``;

/** The nearest .tools: every line parses, names a known approved tool, and its lock covers it. */
async function checkToolsFile(ctx: AppContext, problems: Problem[], notes: string[]): Promise<string | undefined> {
  const file = await nearestToolsFile({ env: ctx.settings.env, cwd: ctx.cwd, globalFile: ctx.layout.globalTools });
  if (!file) return undefined;
  for (const problem of file.problems) problems.push({ message: `${file.path} line ${problem.line}: ${problem.message}`, fix: `edit line ${problem.line} of ${file.path}: ${LINE_HELP}` });
  const lockPath = projectLockPath(file.path);
  let lock: Lockfile | undefined;
  const lockReadable = await attempt(problems, async () => (lock = await readLock(lockPath)), brokenLockFix(lockPath, 'tool lock'));
  if (lockReadable && !lock) notes.push(`${file.path} has no lock; \`tool lock\` writes ${lockPath} so other machines install the same bytes`);
  for (const entry of file.entries) {
    const where = `${file.path} line ${entry.line}`;
    await attempt(problems, async () => {
      const spec = parseSpec(entry.spec, where);
      const tool = await identifyTool(ctx, entry.name);
      assertApproved(tool, where);
      if (lock) assertLockCovers(ctx, tool, spec, { locked: lock.tools[tool.id], path: lockPath, fix: 'tool lock', required: true, where });
    });
  }
  return `${file.path}: ${count(file.entries.length, 'line')}${lock ? `, each covered by ${lockPath}` : ''}`;
}

/** The declared tool set and its lock parse. */
async function checkDeclared(ctx: AppContext, problems: Problem[]): Promise<string | undefined> {
  const paths = declaredPaths(ctx);
  let exists = false;
  await attempt(problems, async () => (exists = (await readDeclaredSet(ctx)).exists));
  let locked = false;
  await attempt(problems, async () => (locked = (await readLock(paths.lock)) !== undefined), brokenLockFix(paths.lock, 'tool lock --global'));
  return exists || locked ? `the declared set ${paths.declared}${locked ? ` and ${paths.lock}` : ''}` : undefined;
}

export async function checkProject(outer: AppContext): Promise<CheckResult> {
  // Naming a tool reads registries from their cache only: doctor asks the network nothing here.
  const ctx: AppContext = { ...outer, cachedRegistriesOnly: true };
  const problems: Problem[] = [];
  const notes: string[] = [];
  const read = [await checkToolsFile(ctx, problems, notes), await checkDeclared(ctx, problems)].filter((text) => text !== undefined);
  const summary = read.length > 0 ? `${read.join('; ')}: all parse` : `no .tools in ${ctx.cwd} or above, and no declared tool set`;
  return result('project', summary, problems, notes);
}
