/**
 * The spec index the shims read: TOOL_HOME/index/<tool>/<spec> must hold
 * exactly the links rebuildIndex would write now, and none may dangle. A wrong
 * link makes a shim run another version than `tool which` names.
 */
import { readdir, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { indexTarget } from '../../store/spec-index.js';
import { toolIdFromDirName } from '../../store/layout.js';
import { listToolStates, type ToolState } from '../../store/tool-state.js';
import type { AppContext } from '../context.js';
import { identityOf } from '../select/identify.js';
import { plannedIndex } from '../select/refresh.js';
import { count, FIX_DERIVED, result, type CheckResult, type Problem } from './types.js';

export interface IndexFacts {
  tool: string;
  /** Key → version (or @live) rebuildIndex would write; undefined: the tool has no versions, so no index. */
  planned: Map<string, string> | undefined;
  /** Key → the link's target as it is (undefined: not a symlink), and whether it resolves. */
  actual: Map<string, { target: string | undefined; resolves: boolean }>;
}

/** Pure: what differs in one tool's index, as short phrases. */
export function indexDifferences(facts: IndexFacts): string[] {
  const { tool, planned, actual } = facts;
  if (!planned) return actual.size > 0 ? [`${tool} has no versions in the store, yet index keys remain (${[...actual.keys()].join(', ')})`] : [];
  const differences: string[] = [];
  for (const [key, version] of planned) {
    const now = actual.get(key);
    const want = indexTarget(tool, version);
    if (!now) differences.push(`${key} is missing (should lead to ${version})`);
    else if (now.target !== want) differences.push(`${key} leads to ${now.target ?? 'a file that is not a link'} instead of ${want}`);
    else if (!now.resolves) differences.push(`${key} dangles: ${want} does not exist`);
  }
  for (const [key, now] of actual) {
    if (planned.has(key)) continue;
    differences.push(now.resolves ? `${key} is not a key the index holds` : `${key} dangles: ${now.target ?? key} does not exist`);
  }
  return differences;
}

/**
 * Pure. `danglingLocked`: links of the locked index (what a project's .tools.lock
 * selects) whose version is gone; the shim passes them by, and the project's
 * next command writes them again, so removing them is safe.
 */
export function judgeIndex(tools: readonly IndexFacts[], danglingLocked: readonly string[] = []): CheckResult {
  const problems: Problem[] = danglingLocked.map((path) => ({ message: `locked index link ${path} dangles: the version it leads to is gone`, fix: FIX_DERIVED, repair: { kind: 'remove', path } }));
  for (const facts of tools) {
    const differences = indexDifferences(facts);
    if (differences.length === 0) continue;
    problems.push({ message: `index of ${facts.tool} disagrees with the store: ${differences.join('; ')}`, fix: FIX_DERIVED, repair: { kind: 'index', tool: facts.tool } });
  }
  const indexed = tools.filter((facts) => facts.planned).length;
  const summary = indexed === 0 ? 'no tool has versions, so there is no index' : `the index of each of ${count(indexed, 'tool')} leads where the store and selections say`;
  return result('index', summary, problems);
}

/** Symlinks under TOOL_HOME/locked that lead nowhere. */
async function danglingLinks(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true }).catch(() => [])).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await danglingLinks(path)));
    else if (entry.isSymbolicLink() && !(await stat(path).then(() => true, () => false))) found.push(path);
  }
  return found;
}

async function actualIndex(dir: string): Promise<IndexFacts['actual']> {
  const actual: IndexFacts['actual'] = new Map();
  for (const key of (await readdir(dir).catch(() => [] as string[])).filter((name) => !name.startsWith('.'))) {
    const path = join(dir, key);
    const target = await readlink(path).catch(() => undefined);
    actual.set(key, { target, resolves: await stat(path).then(() => true, () => false) });
  }
  return actual;
}

/** Every tool that has versions, an index or a state: each may have an index to check. */
async function toolsToCheck(ctx: AppContext): Promise<Map<string, ToolState | undefined>> {
  const tools = new Map<string, ToolState | undefined>();
  for (const dir of [ctx.layout.store, ctx.layout.index]) {
    for (const name of await readdir(dir).catch(() => [] as string[])) if (!name.startsWith('.')) tools.set(toolIdFromDirName(name), undefined);
  }
  for (const state of await listToolStates(ctx.layout)) tools.set(state.id, state);
  return tools;
}

export async function checkIndex(ctx: AppContext): Promise<CheckResult> {
  const facts: IndexFacts[] = [];
  for (const [id, state] of [...(await toolsToCheck(ctx))].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const tool = identityOf(ctx, { id, repo: state?.repo ?? id, entry: ctx.registry.get(id), state });
    facts.push({ tool: id, planned: await plannedIndex(ctx, tool), actual: await actualIndex(ctx.layout.toolIndex(id)) });
  }
  return judgeIndex(facts, await danglingLinks(ctx.layout.lockedRoot));
}
