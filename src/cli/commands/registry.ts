import { refreshRegistry, type RefreshResult } from '../../registries/refresh.js';
import { describeSource } from '../../registries/sources.js';
import { isToolError } from '../../core/errors.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';

/** `tool registry update`: fetch every registry in aqua's format now (the builtin one ships with tool). */
export async function registryUpdate(flags: { json?: boolean; background?: boolean }): Promise<void> {
  const ctx = await managedContext();
  const results: (RefreshResult | { source: string; error: string })[] = [];
  for (const source of ctx.settings.registries) {
    if (source.kind === 'builtin') continue;
    try {
      results.push(await refreshRegistry(ctx, source));
    } catch (error) {
      // In the background nobody reads stderr, and the cached copy keeps serving.
      if (!flags.background || !isToolError(error)) throw error;
      results.push({ source: describeSource(source), error: error.toLine() });
    }
  }
  if (flags.background) return;
  if (flags.json) return printJson(results);
  if (results.length === 0) return printLines(['no registry to update: TOOL_REGISTRIES names only builtin (shipped with tool) or none']);
  printLines(results.map((r) => ('error' in r ? `${r.source}: ${r.error}` : `${r.source}: ${r.ref}, ${r.packages} packages${r.changed ? (r.previousRef && r.previousRef !== r.ref ? ` (was ${r.previousRef})` : ' (updated)') : ' (unchanged)'}`)));
}
