/**
 * `tool install`: everything the nearest `.tools` asks for. Every line is
 * checked first (known tool, approved source, valid spec) so a bad line fails
 * before anything is downloaded.
 */
import { readLock } from '../../replicate/lock-io.js';
import { installFromLock } from '../../replicate/lock-install.js';
import { writeLockedIndex } from '../../replicate/locked-index.js';
import { projectLockPath } from '../../replicate/machine.js';
import { ToolError } from '../../core/errors.js';
import { parseSpec, type VersionSpec } from '../../core/spec.js';
import { nearestToolsFile } from '../../pins/resolve.js';
import { rememberTool } from '../lifecycle/add.js';
import type { AppContext } from '../context.js';
import { assertApproved, identifyTool, identityOf, type ToolIdentity } from '../select/identify.js';
import { ensureInstalled } from './install.js';
import { recordSeenSpec, refreshTool } from '../select/refresh.js';
import { recordSeenFile } from '../select/seen-files.js';

export interface InstalledEntry {
  tool: string;
  spec: string;
  version: string;
  installed: boolean;
  line: number;
}

export interface InstallAllResult {
  file: string;
  entries: InstalledEntry[];
}

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

export async function installAll(ctx: AppContext, options: { locked?: boolean } = {}): Promise<InstallAllResult> {
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
  await recordSeenFile(ctx, file.path);
  const plans = [];
  for (const entry of file.entries) plans.push({ entry, ...(await planLine(ctx, file.path, entry)) });
  const lockPath = projectLockPath(file.path);
  const lock = await readLock(lockPath);
  if (options.locked && !lock) {
    throw new ToolError('TOOL_LOCK_MISSING', `--locked needs ${lockPath}, which does not exist`, { hint: 'Run `tool lock` where the .tools file is, and commit the lock' });
  }
  const entries: InstalledEntry[] = [];
  for (const { entry, tool, spec } of plans) {
    const use = { locked: lock?.tools[tool.id], path: lockPath, fix: 'tool lock', required: Boolean(options.locked), where: `${file.path} line ${entry.line}` };
    const outcome = (await installFromLock(ctx, tool, spec, use, 'pinned')) ?? (await ensureInstalled(ctx, tool, spec, { cause: 'pinned' }));
    const state = await rememberTool(ctx, tool, outcome.manifest);
    await recordSeenSpec(ctx, tool.id, entry.spec);
    await refreshTool(ctx, identityOf(ctx, { ...tool, state }));
    entries.push({ tool: tool.id, spec: entry.spec, version: outcome.version, installed: outcome.installed, line: entry.line });
  }
  await writeLockedIndex(ctx, file.path);
  return { file: file.path, entries };
}
