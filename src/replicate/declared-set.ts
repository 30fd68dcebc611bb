/**
 * The declared tool set as this machine reads it: the lines of
 * ~/.config/tool/tools whose conditions hold here, with tools.local laid over
 * them, and the edits `add`, `remove`, `hold` and `--reason` make to it. The
 * file is the one source of truth for what the user asked for; the global
 * selection under TOOL_HOME is derived from it (see sync.ts).
 */
import { isOwnerRepo } from '../core/tool-ref.js';
import { readToolsFile } from '../pins/resolve.js';
import { nameMatches } from '../pins/tools-file.js';
import { listToolStates } from '../store/tool-state.js';
import type { AppContext } from '../app/context.js';
import type { ToolIdentity } from '../app/select/identify.js';
import { entriesFor, mergeLocal, parseDeclaredFile, type DeclaredEntry } from './declared-file.js';
import { removeDeclaredEntry, setDeclaredComment, setDeclaredEntry } from './declared-edit.js';
import { declaredPaths, machineFacts, type DeclaredPaths } from './machine.js';
import { editUserFile, readUserFile } from './text-file.js';

export interface DeclaredSet {
  paths: DeclaredPaths;
  /** False until the first `tool add` (or the user) writes the file. */
  exists: boolean;
  entries: DeclaredEntry[];
}

/** One key per tool whatever name a line uses: rg, ripgrep and BurntSushi/ripgrep are one. */
export function declaredKey(ctx: AppContext, name: string): string {
  const entry = ctx.registry.get(name) ?? (isOwnerRepo(name) ? ctx.registry.byRepo(name) : ctx.registry.byBin(name));
  return (entry?.name ?? name).toLowerCase();
}

async function entriesOf(ctx: AppContext, path: string): Promise<DeclaredEntry[] | undefined> {
  const text = await readUserFile(path);
  return text === undefined ? undefined : entriesFor(parseDeclaredFile(text, path), machineFacts(ctx));
}

export async function readDeclaredSet(ctx: AppContext): Promise<DeclaredSet> {
  const paths = declaredPaths(ctx);
  const main = await entriesOf(ctx, paths.declared);
  const local = await entriesOf(ctx, paths.local);
  return { paths, exists: main !== undefined || local !== undefined, entries: mergeLocal(main ?? [], local ?? [], (name) => declaredKey(ctx, name)) };
}

export function declaredEntryOf(set: DeclaredSet, tool: ToolIdentity): DeclaredEntry | undefined {
  return set.entries.find((entry) => nameMatches(entry.name, tool.aliases));
}

/**
 * The first declared file is written from what this home already selects, so
 * adopting the declared set never drops a tool the user had.
 */
async function seedText(ctx: AppContext): Promise<string> {
  const global = await readToolsFile(ctx.layout.globalTools);
  const lines = ['# The tools every machine of mine should have; see "Same tools on every machine" in tool\'s README.', '# [os=linux], [arch=arm64], [libc=musl], [host=name*] start a section for some machines only.'];
  for (const state of await listToolStates(ctx.layout)) {
    if (global?.entries.some((entry) => entry.name.toLowerCase() === state.id.toLowerCase())) lines.push(`${state.id} ${state.follow ?? 'latest'}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The file holding the line that decides this tool here: tools.local when it has one, else the main file. */
async function fileDeciding(ctx: AppContext, tool: ToolIdentity): Promise<string> {
  const paths = declaredPaths(ctx);
  const local = await entriesOf(ctx, paths.local);
  return local?.some((entry) => nameMatches(entry.name, tool.aliases)) ? paths.local : paths.declared;
}

export interface Declaration {
  name: string;
  spec: string;
  reason?: string;
}

/** Write `name spec  # reason` for the tool, keeping every other byte of the file. */
export async function declareTool(ctx: AppContext, tool: ToolIdentity, declaration: Declaration): Promise<void> {
  const path = await fileDeciding(ctx, tool);
  const seed = path === declaredPaths(ctx).declared ? await seedText(ctx) : '';
  await editUserFile(path, 'the declared tool set', (text) =>
    setDeclaredEntry(text ?? seed, { aliases: tool.aliases, facts: machineFacts(ctx), path, ...declaration }),
  );
}

export async function undeclareTool(ctx: AppContext, tool: ToolIdentity): Promise<number> {
  let removed = 0;
  for (const path of [declaredPaths(ctx).local, declaredPaths(ctx).declared]) {
    await editUserFile(path, 'the declared tool set', (text) => {
      if (text === undefined) return undefined;
      const edited = removeDeclaredEntry(text, { aliases: tool.aliases, facts: machineFacts(ctx), path });
      removed += edited.removed;
      return edited.text;
    });
  }
  return removed;
}

/** Only the trailing comment of the tool's line: the why next to the what. */
export async function declareReason(ctx: AppContext, tool: ToolIdentity, reason: string): Promise<void> {
  const path = await fileDeciding(ctx, tool);
  await editUserFile(path, 'the declared tool set', (text) =>
    text === undefined ? undefined : setDeclaredComment(text, { aliases: tool.aliases, facts: machineFacts(ctx), path, reason }),
  );
}
