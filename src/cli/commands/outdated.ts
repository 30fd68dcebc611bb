import { outdatedTools, type OutdatedRow } from '../../app/lifecycle/outdated.js';
import { formatDuration } from '../../core/duration.js';
import { ToolError } from '../../core/errors.js';
import { managedContext } from '../app-context.js';
import { withMinAge } from './min-age.js';
import { printJson, printLines, table } from '../output.js';
import { reasonNote } from './reason-text.js';

function statusOf(row: OutdatedRow): string {
  if (row.error) return `error: ${row.error}`;
  const outdated = row.outdated && !row.held ? 'outdated' : '';
  if (!row.stale) return outdated;
  if (row.latest === undefined) return 'unknown (offline, nothing cached)';
  return [outdated, 'stale (cached)'].filter(Boolean).join(', ');
}

/** The contract's names: the global selection's version is `global`; a row's failure is its `problem`. */
function rowJson(row: OutdatedRow): object {
  const { current, error, stale, reason, heldBack, ...rest } = row;
  const held = heldBack ? { version: heldBack.version, publishedAt: heldBack.publishedAt, eligibleAt: heldBack.eligibleAt } : null;
  const cooldown = heldBack ? { minReleaseAgeSeconds: heldBack.minReleaseAgeSeconds, setBy: heldBack.setBy } : null;
  return { tool: rest.tool, global: current ?? null, follows: rest.follows, wanted: rest.wanted ?? null, latest: rest.latest ?? null, held: rest.held, reason: reason ?? null, outdated: rest.outdated, stale: Boolean(stale), problem: error ?? null, heldBack: held, cooldown };
}

/** "14.2.0 held back until 2026-12-03 15:00Z (min-release-age 1d)": newer than WANTED or LATEST, but too young. */
function heldBackNote(row: OutdatedRow): string {
  const held = row.heldBack;
  if (!held) return '';
  const until = held.eligibleAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z');
  return `${held.version} held back until ${until} (min-release-age ${formatDuration(held.minReleaseAgeSeconds)})`;
}

export async function outdated(flags: { json?: boolean; exitCode?: boolean; minAge?: string }): Promise<void> {
  const { rows, offline } = await outdatedTools(withMinAge(await managedContext(), flags.minAge));
  if (flags.json) printJson({ tools: rows.map(rowJson) });
  else if (rows.length === 0) printLines(['no tools added yet']);
  else {
    const lines = [['TOOL', 'CURRENT', 'FOLLOWS', 'WANTED', 'LATEST', '']];
    for (const row of rows) {
      // A held tool shows "held: why" instead of "outdated": the hold is why it stays behind.
      const note = [statusOf(row), reasonNote(row.held, row.reason), heldBackNote(row)].filter(Boolean).join('; ');
      lines.push([row.tool, row.current ?? '-', row.follows, row.wanted ?? '-', row.latest ?? '-', note]);
    }
    printLines(table(lines, [undefined, 'version', undefined, 'version', 'version']));
  }
  if (offline) {
    // One line for the whole report, not one per tool: every row failed for this same reason.
    const cached = rows.filter((row) => row.latest !== undefined).length;
    const shown = cached === 0 ? 'nothing was cached to show instead' : `${cached} of ${rows.length} tools are shown as last cached (marked stale)`;
    throw new ToolError(offline.code, `${offline.message.replace(/[.\s]+$/, '')}; ${shown}`, { ...(offline.hint ? { hint: offline.hint } : {}), cause: offline.cause });
  }
  if (rows.some((row) => row.error)) process.exitCode = 4;
  // Like `git diff --exit-code`: a script asks "is anything behind?" without parsing the table.
  else if (flags.exitCode && rows.some((row) => row.outdated && !row.held)) process.exitCode = 1;
}
