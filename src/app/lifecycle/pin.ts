/** `tool pin name@spec`: write the spec into ./.tools and make sure a matching version is installed. */
import { dirname, join } from 'node:path';
import { parseSpec } from '../../core/spec.js';
import type { ToolRequest } from '../../core/tool-ref.js';
import { logicalCwd } from '../../pins/resolve.js';
import type { AppContext } from '../context.js';
import { identifyTool, identityOf, type ToolIdentity } from '../select/identify.js';
import { ensureInstalled } from '../install/install.js';
import { rememberTool } from './add.js';
import { recordSeenSpec, refreshTool } from '../select/refresh.js';
import { ToolError } from '../../core/errors.js';
import { appendHistory } from '../../store/history.js';
import { findPin, nearestToolsFile } from '../../pins/resolve.js';
import { removeDeclaredEntry, setDeclaredEntry } from '../../replicate/declared-edit.js';
import { withoutTool } from '../../replicate/lock-file.js';
import { readLock, updateLock } from '../../replicate/lock-io.js';
import { machineFacts, projectLockPath } from '../../replicate/machine.js';
import { relockTool } from '../../replicate/relock.js';
import { writeLockedIndex } from '../../replicate/locked-index.js';
import { editUserFile } from '../../replicate/text-file.js';
import { recordSeenFile } from '../select/seen-files.js';

export interface PinResult {
  tool: ToolIdentity;
  file: string;
  spec: string;
  version: string;
  installed: boolean;
}

/**
 * The .tools a pin goes into: the nearest existing one, as a project keeps one
 * file at its root; else a new one here. One at the home directory or the root
 * applies to everything below it, so a subdirectory gets its own instead, said so.
 */
async function pinFile(ctx: AppContext, toolId: string): Promise<string> {
  const dir = await logicalCwd(ctx.settings.env, ctx.cwd);
  const broad = (d: string) => d === '/' || d === ctx.settings.env.HOME;
  const nearest = await nearestToolsFile({ env: ctx.settings.env, cwd: ctx.cwd, globalFile: '/nonexistent' });
  const nearestDir = nearest && dirname(nearest.path);
  if (nearestDir && !broad(nearestDir)) return nearest.path;
  const file = join(dir, '.tools');
  if (nearestDir && nearestDir !== dir) ctx.log(`note: wrote a new ${file}: the nearest existing one, ${nearest.path}, applies to every directory below ${nearestDir}`);
  else if (broad(dir)) ctx.log(`note: ${file} applies to every directory below ${dir}; for a machine-wide choice use \`tool add ${toolId}@<version>\``);
  return file;
}

export async function pinTool(ctx: AppContext, request: ToolRequest, reason?: string): Promise<PinResult> {
  const found = await identifyTool(ctx, request.name);
  const asked = parseSpec(request.spec ?? 'latest');
  const outcome = await ensureInstalled(ctx, found, asked, { cause: 'pinned', preferInstalled: false });
  // A bare `tool pin x` pins what it installed, so the project gets the same bytes everywhere.
  const spec = request.spec ?? outcome.version;
  const state = await rememberTool(ctx, found, outcome.manifest);
  const tool = identityOf(ctx, { ...found, state });
  const file = await pinFile(ctx, found.id);
  await editUserFile(file, 'the .tools file', (text) =>
    setDeclaredEntry(text ?? '', { aliases: tool.aliases, name: tool.id, spec, facts: machineFacts(ctx), path: file, ...(reason ? { reason } : {}) }),
  );
  // A project that locks keeps its lock current; one that does not gets a lock only from `tool lock`.
  const lock = projectLockPath(file);
  if (await readLock(lock)) await relockTool(ctx, lock, tool, outcome.version, spec);
  await writeLockedIndex(ctx, file);
  // A pin is not a change of the global version, but its why belongs with the tool's other reasons.
  if (reason) await appendHistory(ctx.layout, { at: ctx.now().toISOString(), tool: tool.id, from: outcome.version, to: outcome.version, cause: 'pinned', sha256: outcome.manifest.sha256, reason, note: `pinned ${spec} in ${file}` });
  await recordSeenSpec(ctx, tool.id, spec);
  await recordSeenFile(ctx, file);
  await refreshTool(ctx, tool);
  return { tool, file, spec, version: outcome.version, installed: outcome.installed };
}

/** `tool unpin name`: drop the tool's line from the nearest .tools naming it, and from its lock. */
export async function unpinTool(ctx: AppContext, name: string): Promise<{ tool: string; file: string }> {
  const tool = await identifyTool(ctx, name);
  const pin = await findPin({ ...tool, envVars: [] }, { env: {}, cwd: ctx.cwd, globalFile: '/nonexistent' });
  if (pin?.source.kind !== 'file') {
    throw new ToolError('TOOL_NOT_FOUND', `no .tools in ${ctx.cwd} or above names ${tool.id}`, { hint: `\`tool which ${tool.id}\` shows what selects it here` });
  }
  const file = pin.source.path;
  await editUserFile(file, 'the .tools file', (text) => text && removeDeclaredEntry(text, { aliases: tool.aliases, facts: machineFacts(ctx), path: file }).text);
  const lock = projectLockPath(file);
  if (await readLock(lock)) await updateLock(lock, (current) => withoutTool(current, tool.id));
  await writeLockedIndex(ctx, file);
  return { tool: tool.id, file };
}
