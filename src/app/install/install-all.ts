/**
 * `tool install`: everything the nearest `.tools` asks for. Every line is
 * checked first (known tool, approved source, valid spec, and with --locked
 * covered by the lock) so a bad line fails before anything is downloaded.
 *
 * Then the lines install concurrently, at most jobLimit() at once; each one
 * succeeds or fails on its own, and the result says which failed and why.
 * Concurrency and locks: each version is built under its tool's lock (see
 * install.ts); what follows an install (the tool's state, seen specs, spec
 * index) runs one line at a time through `tail`, because two lines may name
 * the same tool; the shims are synced once, under the home lock, at the end.
 */
import { readLock } from '../../replicate/lock-io.js';
import { installFromLock, type LockUse } from '../../replicate/lock-install.js';
import { assertLockCovers } from '../../replicate/lock-install.js';
import { writeLockedIndex } from '../../replicate/locked-index.js';
import { projectLockPath } from '../../replicate/machine.js';
import { isToolError, ToolError } from '../../core/errors.js';
import { createSerial, mapSettled, type Settled } from '../../core/pool.js';
import { parseSpec, type VersionSpec } from '../../core/spec.js';
import { nearestToolsFile } from '../../pins/resolve.js';
import type { ToolsEntry } from '../../pins/tools-file.js';
import { rememberTool } from '../lifecycle/add.js';
import type { AppContext } from '../context.js';
import { jobLimit } from '../jobs.js';
import { assertApproved, identifyTool, identityOf, type ToolIdentity } from '../select/identify.js';
import { ensureInstalled } from './install.js';
import { rebuildIndex, recordSeenSpec, syncAllShims } from '../select/refresh.js';
import { recordSeenFile } from '../select/seen-files.js';

export interface InstalledEntry {
  tool: string;
  spec: string;
  version: string;
  installed: boolean;
  line: number;
}

export interface FailedEntry {
  tool: string;
  spec: string;
  line: number;
  /** Why, as the user sees it (`error.toLine()`); its exit code category decides the command's. */
  error: ToolError;
}

export interface InstallAllResult {
  file: string;
  /** The lines that are installed now, in file order. */
  entries: InstalledEntry[];
  /** The lines that failed, in file order; the others were installed regardless. */
  failed: FailedEntry[];
}

interface LinePlan {
  entry: ToolsEntry;
  tool: ToolIdentity;
  spec: VersionSpec;
  use: LockUse;
}

type Tail = ReturnType<typeof createSerial>;

async function planLine(ctx: AppContext, file: string, entry: { name: string; spec: string; line: number }): Promise<{ tool: ToolIdentity; spec: VersionSpec }> {
  const where = `${file} line ${entry.line}`;
  let tool: ToolIdentity;
  try {
    tool = await identifyTool(ctx, entry.name);
  } catch (error) {
    if (error instanceof ToolError) throw new ToolError(error.code, `${where}: ${error.message}`, { ...(error.hint ? { hint: error.hint } : {}) });
    throw error;
  }
  assertApproved(tool, where);
  return { tool, spec: parseSpec(entry.spec, where) };
}

/** Every line planned, in order; the first bad line throws before anything is installed. */
async function planLines(ctx: AppContext, file: string, entries: readonly ToolsEntry[], locked: boolean): Promise<LinePlan[]> {
  const identified = [];
  for (const entry of entries) identified.push({ entry, ...(await planLine(ctx, file, entry)) });
  const lockPath = projectLockPath(file);
  const lock = await readLock(lockPath);
  if (locked && !lock) {
    throw new ToolError('TOOL_LOCK_MISSING', `--locked needs ${lockPath}, which does not exist`, { hint: 'Run `tool lock` where the .tools file is, and commit the lock' });
  }
  const plans = identified.map(({ entry, tool, spec }) => ({
    entry,
    tool,
    spec,
    use: { locked: lock?.tools[tool.id], path: lockPath, fix: 'tool lock', required: locked, where: `${file} line ${entry.line}` },
  }));
  if (locked) for (const plan of plans) assertLockCovers(ctx, plan.tool, plan.spec, plan.use);
  return plans;
}

async function installLine(ctx: AppContext, plan: LinePlan, tail: Tail): Promise<InstalledEntry> {
  const { entry, tool, spec } = plan;
  const outcome = (await installFromLock(ctx, tool, spec, plan.use, 'pinned')) ?? (await ensureInstalled(ctx, tool, spec, { cause: 'pinned' }));
  return tail(async () => {
    const state = await rememberTool(ctx, tool, outcome.manifest);
    await recordSeenSpec(ctx, tool.id, entry.spec);
    await rebuildIndex(ctx, identityOf(ctx, { ...tool, state }));
    return { tool: tool.id, spec: entry.spec, version: outcome.version, installed: outcome.installed, line: entry.line };
  });
}

/** Installed and failed lines in file order; a programmer error (not a ToolError) is returned to be rethrown. */
function partition(plans: readonly LinePlan[], settled: readonly Settled<InstalledEntry>[]): Omit<InstallAllResult, 'file'> & { bug?: unknown } {
  const result: Omit<InstallAllResult, 'file'> & { bug?: unknown } = { entries: [], failed: [] };
  settled.forEach((outcome, index) => {
    const { entry, tool } = plans[index]!;
    if (outcome.ok) result.entries.push(outcome.value);
    else if (isToolError(outcome.error)) result.failed.push({ tool: tool.id, spec: entry.spec, line: entry.line, error: outcome.error });
    else result.bug ??= outcome.error;
  });
  return result;
}

export async function installAll(outer: AppContext, options: { locked?: boolean } = {}): Promise<InstallAllResult> {
  // --locked reads registries from the cache only: the lock is all a locked install may ask the network for.
  const ctx: AppContext = options.locked ? { ...outer, cachedRegistriesOnly: true } : outer;
  const file = await nearestToolsFile({ env: ctx.settings.env, cwd: ctx.cwd, globalFile: ctx.layout.globalTools });
  if (!file) {
    throw new ToolError('TOOL_NOT_FOUND', `no .tools file in ${ctx.cwd} or any directory above it`, {
      hint: 'Create one with `tool pin <tool>@<version>`',
    });
  }
  const [problem] = file.problems;
  if (problem) {
    throw new ToolError('TOOL_BAD_TOOLS_FILE', `${file.path} line ${problem.line}: ${problem.message}`, {
      hint: 'Each line is "<name> <spec>", e.g. "ripgrep 14.1.0"; # starts a comment',
    });
  }
  const jobs = jobLimit(ctx.settings);
  await recordSeenFile(ctx, file.path);
  const plans = await planLines(ctx, file.path, file.entries, Boolean(options.locked));
  const tail = createSerial();
  const settled = await mapSettled(plans, jobs, (plan) => installLine(ctx, plan, tail));
  const { bug, ...result } = partition(plans, settled);
  // Whatever did install is usable even when other lines failed.
  if (result.entries.length > 0) await syncAllShims(ctx);
  await writeLockedIndex(ctx, file.path);
  if (bug !== undefined) throw bug;
  return { file: file.path, ...result };
}
