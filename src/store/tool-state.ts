/**
 * What `tool add` records about a tool: that the user approved its source, the
 * executables it exposes, and its update options. An `owner/repo` outside the
 * registry is installed automatically (by a shim or `tool install`) only when
 * this record exists.
 */
import { readdir, rm } from 'node:fs/promises';
import { readJsonOrUndefined, writeFileAtomic } from './atomic.js';
import { toolIdFromDirName, type Layout } from './layout.js';

export interface ToolState {
  id: string;
  repo: string;
  /** Executable names with a shim. */
  exes: string[];
  addedAt: string;
  /** The spec the global selection follows ("latest", "14"); `tool update` moves within it. */
  follow?: string;
  /** User's --asset glob, reused for every version. */
  assetGlob?: string;
  /** Runs from a writable live copy so its own updater works. */
  selfUpdate?: boolean;
  /** Left alone by `tool update` and background checks until unheld. */
  held?: boolean;
  /** Background update check interval in seconds. */
  autoUpdateSeconds?: number;
  lastUpdateCheck?: string;
  /** Installed by the rules of a registry in aqua's format: which one, and the package's name there. */
  aqua?: { source: string; name: string };
}

export async function readToolState(layout: Layout, toolId: string): Promise<ToolState | undefined> {
  return readJsonOrUndefined<ToolState>(layout.toolState(toolId), `Remove that file and run \`tool add ${toolId}\` to record the tool again`);
}

export async function writeToolState(layout: Layout, state: ToolState): Promise<void> {
  await writeFileAtomic(layout.toolState(state.id), `${JSON.stringify(state, null, 2)}\n`);
}

export async function deleteToolState(layout: Layout, toolId: string): Promise<void> {
  await rm(layout.toolState(toolId), { force: true });
}

export async function listToolStates(layout: Layout): Promise<ToolState[]> {
  let files: string[];
  try {
    files = await readdir(layout.toolStates);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const states = await Promise.all(
    files
      .filter((file) => file.endsWith('.json'))
      .map((file) => readToolState(layout, toolIdFromDirName(file.slice(0, -'.json'.length)))),
  );
  // Case-insensitive by code unit, not localeCompare: the first localeCompare loads ICU collation (~7 ms at start-up).
  const key = (state: ToolState) => state.id.toLowerCase();
  return states.filter((state): state is ToolState => state !== undefined).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1));
}
