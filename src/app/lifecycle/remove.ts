/** `tool remove name[@version]`: one version, or the whole tool (versions, shims, global selection). */
import { undeclareTool } from '../../replicate/declared-set.js';
import { withoutTool } from '../../replicate/lock-file.js';
import { readLock, updateLock } from '../../replicate/lock-io.js';
import { declaredPaths } from '../../replicate/machine.js';
import { ToolError } from '../../core/errors.js';
import { normalizeVersion } from '../../core/version.js';
import { pickVersion, tryParseSpec } from '../../core/spec.js';
import { globalVersion } from '../select/activate.js';
import type { ToolRequest } from '../../core/tool-ref.js';
import { rm } from 'node:fs/promises';
import { withHomeLock, withToolLock } from '../../store/lock.js';
import { removeTree, unpublishVersion } from '../../store/publish.js';
import { installedVersions } from '../../store/read.js';
import { deleteToolState } from '../../store/tool-state.js';
import type { AppContext } from '../context.js';
import { identifyTool } from '../select/identify.js';
import { rebuildIndex, refreshAllTools, refreshTool } from '../select/refresh.js';
import { clearSelection } from '../select/selection.js';
import { remainingPins, type RemainingPin } from './remaining-pins.js';

export interface RemoveResult {
  tool: string;
  removedVersions: string[];
  removedShims: string[];
  /** True when the whole tool is gone. */
  whole: boolean;
  /** .tools lines that still name the tool (remaining-pins.ts). */
  stillPinned: RemainingPin[];
}

export async function removeTool(ctx: AppContext, request: ToolRequest): Promise<RemoveResult> {
  const tool = await identifyTool(ctx, request.name);
  const versions = await installedVersions(ctx.layout, tool.id);
  if (!tool.state && versions.length === 0) {
    throw new ToolError('TOOL_NOT_INSTALLED', `${tool.id} is not installed`, { hint: 'See `tool list` for installed tools' });
  }
  return withToolLock(ctx.layout, tool.id, async () => {
    if (request.spec) {
      // Exactly the version named: a prefix such as "14" could mean several.
      const version = versions.find((v) => v === normalizeVersion(request.spec!));
      if (!version) {
        throw new ToolError('TOOL_NOT_INSTALLED', `${tool.id} ${request.spec} is not installed (installed: ${versions.join(', ') || 'none'})`, {
          hint: `Name one installed version exactly, or run \`tool remove ${tool.id}\` to remove every version`,
        });
      }
      if (version === (await globalVersion(ctx, tool))) {
        throw new ToolError('TOOL_USAGE', `${tool.id} ${version} is the global selection; removing it would only make its shim download it again`, {
          hint: `Select another version first (\`tool rollback ${tool.id}\` or \`tool add ${tool.id}@<version>\`), or remove the whole tool`,
        });
      }
      await unpublishVersion(ctx.layout, tool.id, version);
      const shims = await refreshTool(ctx, tool);
      // A pin the removed version satisfied and no remaining one does.
      const left = versions.filter((v) => v !== version);
      const onlyThis = (text: string) => {
        const spec = tryParseSpec(text);
        return spec !== undefined && pickVersion(spec, [version]) === version && pickVersion(spec, left) === undefined;
      };
      const stillPinned = (await remainingPins(ctx, tool)).filter((pin) => onlyThis(pin.spec));
      return { tool: tool.id, removedVersions: [version], removedShims: shims.removed, whole: false, stillPinned };
    }
    for (const version of versions) await unpublishVersion(ctx.layout, tool.id, version);
    await removeTree(ctx.layout.toolStore(tool.id));
    await removeTree(ctx.layout.live(tool.id));
    await withHomeLock(ctx.layout, () => clearSelection(ctx.layout.globalTools, tool.aliases));
    await deleteToolState(ctx.layout, tool.id);
    await rm(ctx.layout.seenSpecs(tool.id), { force: true });
    await rebuildIndex(ctx, tool);
    const shims = await refreshAllTools(ctx);
    // Removing a tool is a change of intent: it leaves the declared set and its lock too.
    await undeclareTool(ctx, tool);
    const lock = declaredPaths(ctx).lock;
    if (await readLock(lock)) {
      await updateLock(lock, (current) => Object.keys(current.tools).filter((key) => key === tool.id || key.startsWith(`${tool.id} [`)).reduce(withoutTool, current));
    }
    return { tool: tool.id, removedVersions: versions, removedShims: shims.removed, whole: true, stillPinned: await remainingPins(ctx, tool) };
  });
}

