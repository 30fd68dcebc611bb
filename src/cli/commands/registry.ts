import { refreshRegistry, type RefreshResult } from '../../registries/refresh.js';
import { registrySourceName } from '../../registries/sources.js';
import { ExitCode, isToolError } from '../../core/errors.js';
import { readMeta } from '../../registries/catalog-store.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';

function age(now: Date, at: string): string {
  const days = Math.floor((now.getTime() - Date.parse(at)) / 86_400_000);
  return days < 1 ? `today (${at.slice(11, 16)} UTC)` : `${days} day${days === 1 ? '' : 's'} ago (${at.slice(0, 10)})`;
}

/** `tool registry update`: fetch every registry in aqua's format now (the builtin one ships with tool). */
export async function registryUpdate(flags: { json?: boolean; background?: boolean }): Promise<void> {
  const ctx = await managedContext();
  const results: (RefreshResult | { source: string; error: string })[] = [];
  for (const source of ctx.settings.registries) {
    if (source.kind === 'builtin') continue;
    try {
      results.push(await refreshRegistry(ctx, source));
    } catch (error) {
      // In the background nobody reads stderr; in front, the cached copy keeps serving and we say how old it is.
      if (!isToolError(error) || error.code === 'TOOL_BAD_REGISTRY') throw error;
      const cached = await readMeta(ctx, source);
      if (!flags.background && !cached) throw error;
      process.exitCode = ExitCode.network;
      results.push({ source: registrySourceName(source), error: `${error.toLine().replace(/\.$/, '')}; ${cached ? `still using the copy of ${cached.ref} fetched ${age(ctx.now(), cached.fetchedAt)}` : 'no cached copy'}` });
    }
  }
  if (flags.background) return;
  if (flags.json) return printJson({ registries: results.map((r) => ('error' in r ? { registry: r.source, problem: r.error } : { registry: r.source, ref: r.ref, packages: r.packages, changed: r.changed, previousRef: r.previousRef ?? null })) });
  if (results.length === 0) return printLines(['no registry to update: TOOL_REGISTRIES names only builtin (shipped with tool) or none']);
  printLines(results.map((r) => ('error' in r ? `${r.source}: ${r.error}` : `${r.source}: ${r.ref}, ${r.packages} packages${r.changed ? (r.previousRef && r.previousRef !== r.ref ? ` (was ${r.previousRef})` : ' (updated)') : ' (unchanged)'}`)));
}
