/** `tool list`: every added tool, its installed versions, and which one is active here and why. */
import { describeSource } from '../../pins/resolve.js';
import { readHistory } from '../../store/history.js';
import { installedVersions, readManifest } from '../../store/read.js';
import { modifiedAfterInstall } from '../../store/integrity.js';
import { listToolStates } from '../../store/tool-state.js';
import type { AppContext } from '../context.js';
import { latestReason } from './history-facts.js';
import { identityOfState } from '../select/identify.js';
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
}

export async function listTools(ctx: AppContext): Promise<ListedTool[]> {
  const states = await listToolStates(ctx.layout);
  return Promise.all(
    states.map(async (state) => {
      const tool = identityOfState(ctx, state);
      const listed: ListedTool = {
        tool: state.id,
        repo: state.repo,
        exes: state.exes,
        versions: await installedVersions(ctx.layout, state.id),
        modified: [],
        active: undefined,
        held: Boolean(state.held),
      };
      const reason = latestReason(await readHistory(ctx.layout, state.id));
      if (reason) listed.reason = reason;
      for (const version of listed.versions) {
        const manifest = await readManifest(ctx.layout, state.id, version);
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
