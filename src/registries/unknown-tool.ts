/**
 * The error for a name no registry and no added tool knows, with the nearest
 * names from all of them ("Did you mean ripgrep (BurntSushi/ripgrep)?"). Only
 * catalogs already cached are consulted: an error path never downloads.
 */
import { ToolError } from '../core/errors.js';
import { listToolStates } from '../store/tool-state.js';
import type { AppContext } from '../app/context.js';
import { cachedCatalogs, type AquaFound } from './lookup.js';
import { didYouMean, suggestNames, type NameCandidate } from './did-you-mean.js';

export async function knownNames(ctx: AppContext): Promise<NameCandidate[]> {
  const names: NameCandidate[] = [];
  for (const entry of ctx.registry.all()) {
    const label = `${entry.name} (${entry.repo})`;
    names.push({ name: entry.name, label }, ...entry.bins.map((bin) => ({ name: bin.name, label })));
  }
  for (const state of await listToolStates(ctx.layout)) {
    const label = state.id === state.repo ? state.id : `${state.id} (${state.repo})`;
    names.push({ name: state.id, label }, ...state.exes.map((exe) => ({ name: exe, label })));
  }
  for (const catalog of await cachedCatalogs(ctx)) {
    for (const entry of catalog.entries) {
      const short = entry.repo?.split('/')[1] ?? entry.name;
      const label = entry.repo && short !== entry.name ? `${short} (${entry.name})` : entry.name;
      names.push({ name: short, label }, ...entry.aliases.map((alias) => ({ name: alias, label })));
    }
  }
  return names;
}

export function isGithubRelease(found: AquaFound): boolean {
  return found.entry.type === 'github_release';
}

export async function unknownTool(ctx: AppContext, name: string, found: AquaFound | undefined): Promise<ToolError> {
  if (found && !isGithubRelease(found)) {
    return new ToolError('TOOL_UNSUPPORTED_PACKAGE', `${found.entry.name} in the ${found.source} registry is a "${found.entry.type}" package; only github_release packages are supported yet`, {
      hint: 'Use owner/repo of a GitHub project that publishes release assets',
    });
  }
  const suggestion = didYouMean(suggestNames(name, await knownNames(ctx)));
  return new ToolError('TOOL_UNKNOWN_TOOL', `"${name}" is unknown: not in any registry and not an added tool`, {
    hint: suggestion ? `${suggestion} For any GitHub project use owner/repo` : `Use owner/repo for any GitHub project (tool add OWNER/${name}), or see \`tool search ${name}\``,
  });
}
