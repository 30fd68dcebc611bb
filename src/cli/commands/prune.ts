import { ToolError } from '../../core/errors.js';
import { pruneVersions } from '../../app/prune.js';
import { managedContext } from '../app-context.js';
import { printLines } from '../output.js';

export async function prune(flags: { keep: string; dryRun?: boolean }): Promise<void> {
  const keep = Number(flags.keep);
  if (flags.keep.trim() === '' || !Number.isInteger(keep) || keep < 0) {
    throw new ToolError('TOOL_USAGE', `--keep ${flags.keep} is not a whole number`, { hint: 'Use --keep 3, for example' });
  }
  const decisions = await pruneVersions(await managedContext(), { keep, dryRun: Boolean(flags.dryRun) });
  const removed = decisions.filter((d) => d.removed);
  const verb = flags.dryRun ? 'would remove' : 'removed';
  printLines([
    ...removed.map((d) => `${verb} ${d.tool} ${d.version}: ${d.reasons.join('; ')}`),
    ...decisions.filter((d) => !d.removed).map((d) => `kept ${d.tool} ${d.version}: ${d.reasons.join('; ')}`),
    `${removed.length} ${flags.dryRun ? 'would be removed' : 'removed'}, ${decisions.length - removed.length} kept`,
  ]);
}
