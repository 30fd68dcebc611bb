/**
 * Checks made once per management command: TOOL_HOME uses the layout this
 * version understands, and the shims were rendered by this shim template with
 * this Node and this CLI (they bake those paths in). If not, every shim is
 * rewritten, so moving Node or upgrading `tool` never leaves broken shims.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolError } from '../core/errors.js';
import { SHIM_VERSION } from '../shimgen/render.js';
import { writeFileAtomic } from '../store/atomic.js';
import { LAYOUT_VERSION } from '../store/layout.js';
import type { AppContext } from './context.js';
import { syncAllShims } from './select/refresh.js';

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

async function hasShims(ctx: AppContext): Promise<boolean> {
  return (await readdir(ctx.layout.shims).catch(() => [])).length > 0;
}

export async function ensureHome(ctx: AppContext): Promise<void> {
  const layout = await readOptional(ctx.layout.layoutVersionFile);
  if (layout !== undefined && layout !== LAYOUT_VERSION) {
    const file = ctx.layout.layoutVersionFile;
    // A number is a layout another tool version made; anything else is a damaged file.
    if (/^\d+$/.test(layout)) {
      throw new ToolError('TOOL_BAD_SETTING', `${file} says layout version ${layout}; this tool understands version ${LAYOUT_VERSION}`, {
        hint: 'Use the tool version that created it, or point TOOL_HOME elsewhere',
      });
    }
    throw new ToolError('TOOL_BAD_STATE', `${file} is damaged: it should hold the layout version, a number`, {
      hint: `If this home was made by this tool version, write ${LAYOUT_VERSION} into it: echo ${LAYOUT_VERSION} > ${file}`,
    });
  }
  const rendered = `${SHIM_VERSION}\n${ctx.cli.node}\n${ctx.cli.script}`;
  const stamp = join(ctx.layout.home, 'state', 'shims-rendered');
  // A new home has no shim to rewrite: only the stamps are written.
  const fresh = layout === undefined && !(await hasShims(ctx));
  if (layout === undefined) await writeFileAtomic(ctx.layout.layoutVersionFile, `${LAYOUT_VERSION}\n`);
  if (!fresh && (await readOptional(stamp)) === rendered) return;
  if (!fresh) await syncAllShims(ctx);
  await writeFileAtomic(stamp, `${rendered}\n`);
}
