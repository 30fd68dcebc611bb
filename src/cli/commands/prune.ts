import { ToolError } from '../../core/errors.js';
import { isLocalBuild } from '../../core/version.js';
import { pruneVersions, type PruneDecision } from '../../app/lifecycle/prune.js';
import { sweepExpired } from '../../app/throwaway/sweep.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';

/** Removing the rollback target is allowed, but the user should know what rollback will do now. */
function rollbackNote(d: Pick<PruneDecision, 'rollbackTarget' | 'tool' | 'version'>, verb: string): string[] {
  if (!d.rollbackTarget) return [];
  const head = `note: ${verb} ${d.tool} ${d.version}, the version \`tool rollback ${d.tool}\` goes back to;`;
  if (isLocalBuild(d.version)) return [`${head} it is a local build, so rollback cannot download it again`];
  const check = d.rollbackTarget.recordedSha256 ? 'its recorded SHA-256' : "the release's published checksum (its history records no SHA-256)";
  return [`${head} rollback will download it again and check it against ${check}`];
}

export async function prune(flags: { keep: string; dryRun?: boolean; json?: boolean }): Promise<void> {
  const keep = Number(flags.keep);
  if (flags.keep.trim() === '' || !Number.isInteger(keep) || keep < 0) {
    throw new ToolError('TOOL_USAGE', `--keep ${flags.keep} is not a whole number`, { hint: 'Use --keep 3, for example' });
  }
  const ctx = await managedContext(process.env, { sweep: false });
  const dryRun = Boolean(flags.dryRun);
  // Expired ephemeral versions first, so --dry-run shows them as what they are rather than as pruned.
  const swept = await sweepExpired(ctx, { dryRun });
  const sweptKeys = new Set(swept.map((d) => `${d.tool}@${d.version}`));
  const decisions = [...swept, ...(await pruneVersions(ctx, { keep, dryRun })).filter((d) => !sweptKeys.has(`${d.tool}@${d.version}`))];
  if (flags.json) {
    return printJson({ dryRun, decisions: decisions.map((d) => ({ tool: d.tool, version: d.version, removed: d.removed, because: d.reasons, rollbackTarget: 'rollbackTarget' in d && d.rollbackTarget !== undefined })) });
  }
  const removed = decisions.filter((d) => d.removed);
  const verb = flags.dryRun ? 'would remove' : 'removed';
  printLines([
    ...removed.map((d) => `${verb} ${d.tool} ${d.version}: ${d.reasons.join('; ')}`),
    ...decisions.filter((d) => !d.removed).map((d) => `kept ${d.tool} ${d.version}: ${d.reasons.join('; ')}`),
    `${removed.length} ${flags.dryRun ? 'would be removed' : 'removed'}, ${decisions.length - removed.length} kept`,
    ...removed.flatMap((d) => rollbackNote(d, verb)),
  ]);
}
