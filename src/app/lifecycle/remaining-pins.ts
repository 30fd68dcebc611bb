/**
 * After `tool remove`, the .tools lines that still name the tool: running it
 * there installs it again (a registry tool) or is refused (an owner/repo no
 * longer approved), so the user hears of them now rather than later. Looks at
 * every .tools the CLI has seen and those from the current directory up.
 */
import { join } from 'node:path';
import { ancestors, logicalCwd, readToolsFile } from '../../pins/resolve.js';
import { nameMatches } from '../../pins/tools-file.js';
import { readLock } from '../../replicate/lock-io.js';
import { projectLockPath } from '../../replicate/machine.js';
import type { AppContext } from '../context.js';
import { readSeenFiles } from '../select/seen-files.js';
import type { ToolIdentity } from '../select/identify.js';

export interface RemainingPin {
  file: string;
  line: number;
  spec: string;
  /** The .tools.lock beside it records the tool too. */
  locked: boolean;
}

export async function remainingPins(ctx: AppContext, tool: ToolIdentity): Promise<RemainingPin[]> {
  const here = ancestors(await logicalCwd(ctx.settings.env, ctx.cwd)).map((dir) => join(dir, '.tools'));
  const files = [...new Set([...here, ...(await readSeenFiles(ctx))])];
  const pins = await Promise.all(files.map(async (file) => {
    const parsed = await readToolsFile(file).catch(() => undefined);
    const entry = parsed?.entries.find((item) => nameMatches(item.name, tool.aliases));
    if (!entry) return undefined;
    const lock = await readLock(projectLockPath(file)).catch(() => undefined);
    return { file, line: entry.line, spec: entry.spec, locked: Boolean(lock && Object.keys(lock.tools).some((key) => key === tool.id || key.startsWith(`${tool.id} [`))) };
  }));
  return pins.filter((pin): pin is RemainingPin => pin !== undefined);
}
