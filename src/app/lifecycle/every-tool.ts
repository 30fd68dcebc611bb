/**
 * Every tool the store holds versions of, added or not: `tool add`, `pin`,
 * `install` and `sync` record a tool as added, but `tool run` and a shim
 * serving a project's pin install without adding. `list` and `prune` account
 * for all of them, so no store version is invisible or kept forever.
 */
import { installedVersions, readManifest, storedToolIds } from '../../store/read.js';
import { listToolStates } from '../../store/tool-state.js';
import type { AppContext } from '../context.js';
import { identityOf, identityOfState, type ToolIdentity } from '../select/identify.js';

export async function everyTool(ctx: AppContext): Promise<ToolIdentity[]> {
  const added = (await listToolStates(ctx.layout)).map((state) => identityOfState(ctx, state));
  const known = new Set(added.map((tool) => tool.id));
  const others = await Promise.all((await storedToolIds(ctx.layout)).filter((id) => !known.has(id)).map(async (id) => {
    const [newest] = await installedVersions(ctx.layout, id);
    const manifest = newest ? await readManifest(ctx.layout, id, newest) : undefined;
    return newest ? identityOf(ctx, { id, repo: manifest?.repo ?? ctx.registry.get(id)?.repo ?? id, entry: ctx.registry.get(id), state: undefined }) : undefined;
  }));
  return [...added, ...others.filter((tool): tool is ToolIdentity => tool !== undefined)];
}
