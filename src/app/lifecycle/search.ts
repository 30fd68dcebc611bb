/** `tool search` and `tool info`: what the registry knows, plus what is installed. Read-only, no network. */
import { ToolError } from '../../core/errors.js';
import type { RegistryEntry } from '../../registry/types.js';
import { installedVersions } from '../../store/read.js';
import { globalVersion } from '../select/activate.js';
import type { AppContext } from '../context.js';
import { identifyTool } from '../select/identify.js';

export interface SearchHit {
  name: string;
  repo: string;
  description: string;
  bins: string[];
}

function haystack(entry: RegistryEntry): string {
  return [entry.name, entry.repo, entry.description, ...entry.bins.map((bin) => bin.name)].join(' ').toLowerCase();
}

/** Every word must appear somewhere; name matches sort first. */
export function searchRegistry(ctx: AppContext, query: string): SearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return ctx.registry
    .all()
    .filter((entry) => words.every((word) => haystack(entry).includes(word)))
    .sort((a, b) => Number(!words.some((w) => a.name.includes(w))) - Number(!words.some((w) => b.name.includes(w))) || a.name.localeCompare(b.name))
    .map((entry) => ({ name: entry.name, repo: entry.repo, description: entry.description, bins: entry.bins.map((bin) => bin.name) }));
}

export interface ToolInfo {
  name: string;
  repo: string;
  registry: RegistryEntry | undefined;
  added: boolean;
  installed: string[];
  global: string | undefined;
  follows: string | undefined;
  held: boolean;
  selfUpdate: boolean;
}

export async function toolInfo(ctx: AppContext, name: string): Promise<ToolInfo> {
  const tool = await identifyTool(ctx, name);
  if (!tool.entry && !tool.state) {
    throw new ToolError('TOOL_UNKNOWN_TOOL', `${name} is neither in the registry nor added`, { hint: `Try \`tool search ${name}\`` });
  }
  return {
    name: tool.id,
    repo: tool.repo,
    registry: tool.entry,
    added: Boolean(tool.state),
    installed: await installedVersions(ctx.layout, tool.id),
    global: await globalVersion(ctx, tool),
    follows: tool.state?.follow,
    held: Boolean(tool.state?.held),
    selfUpdate: tool.state?.selfUpdate ?? Boolean(tool.entry?.selfUpdate),
  };
}
