/** `tool pin name@spec`: write the spec into ./.tools and make sure a matching version is installed. */
import { join } from 'node:path';
import { parseSpec } from '../core/spec.js';
import type { ToolRequest } from '../core/tool-ref.js';
import { logicalCwd } from '../pins/resolve.js';
import type { AppContext } from './context.js';
import { identifyTool, identityOf, type ToolIdentity } from './identify.js';
import { ensureInstalled } from './install.js';
import { rememberTool } from './add.js';
import { recordSeenSpec, refreshTool } from './refresh.js';
import { writeSelection } from './selection.js';
import { recordSeenFile } from './seen-files.js';

export interface PinResult {
  tool: ToolIdentity;
  file: string;
  spec: string;
  version: string;
  installed: boolean;
}

export async function pinTool(ctx: AppContext, request: ToolRequest): Promise<PinResult> {
  const found = await identifyTool(ctx, request.name);
  const asked = parseSpec(request.spec ?? 'latest');
  const outcome = await ensureInstalled(ctx, found, asked, { cause: 'pinned', preferInstalled: false });
  // A bare `tool pin x` pins what it installed, so the project gets the same bytes everywhere.
  const spec = request.spec ?? outcome.version;
  const state = await rememberTool(ctx, found, outcome.manifest);
  const tool = identityOf(ctx, { ...found, state });
  const dir = await logicalCwd(ctx.settings.env, ctx.cwd);
  const file = join(dir, '.tools');
  if (dir === '/' || dir === ctx.settings.env.HOME) {
    ctx.log(`note: ${file} applies to every directory below ${dir}; for a machine-wide choice use \`tool add ${found.id}@<version>\``);
  }
  await writeSelection(file, tool.aliases, tool.id, spec);
  await recordSeenSpec(ctx, tool.id, spec);
  await recordSeenFile(ctx, file);
  await refreshTool(ctx, tool);
  return { tool, file, spec, version: outcome.version, installed: outcome.installed };
}
