/** `tool list`: every added tool, its installed versions, and which one is active here and why. */
import { describeSource } from '../../pins/resolve.js';
import { readHistory } from '../../store/history.js';
import { installedVersions, readManifest } from '../../store/read.js';
import { modifiedAfterInstall } from '../../store/integrity.js';
import type { AppContext } from '../context.js';
import { latestReason } from './history-facts.js';
import { everyTool } from './every-tool.js';
import { selectionHere } from '../select/which.js';

export interface ListedTool {
  tool: string;
  repo: string;
  exes: string[];
  versions: string[];
  /** Versions whose executables changed after install (see store/integrity.ts). */
  modified: string[];
  active: { version: string | undefined; spec: string; source: string } | undefined;
  problem?: string;
  held: boolean;
  /** The reason of the latest history entry that has one (`--reason`). */
  reason?: string;
  /** False for a tool installed only by `tool run`, a shim or a project's pin, never added (every-tool.ts). */
  added: boolean;
}

export async function listTools(ctx: AppContext): Promise<ListedTool[]> {
  return Promise.all(
    (await everyTool(ctx)).map(async (tool) => {
      const versions = await installedVersions(ctx.layout, tool.id);
      const listed: ListedTool = {
        tool: tool.id,
        repo: tool.repo,
        exes: tool.state?.exes ?? Object.keys((await readManifest(ctx.layout, tool.id, versions[0] ?? ''))?.bins ?? {}),
        versions,
        modified: [],
        active: undefined,
        held: Boolean(tool.state?.held),
        added: tool.state !== undefined,
      };
      const reason = latestReason(await readHistory(ctx.layout, tool.id));
      if (reason) listed.reason = reason;
      for (const version of listed.versions) {
        const manifest = await readManifest(ctx.layout, tool.id, version);
        if (manifest && (await modifiedAfterInstall(ctx.layout, manifest)).length > 0) listed.modified.push(version);
      }
      try {
        const selection = await selectionHere(ctx, tool);
        if (selection) listed.active = { version: selection.version, spec: selection.pin.spec, source: describeSource(selection.pin.source) };
      } catch (error) {
        listed.problem = (error as Error).message;
      }
      return listed;
    }),
  );
}
