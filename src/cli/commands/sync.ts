import { checkMachine, syncMachine, type SyncResult } from '../../replicate/sync.js';
import type { Difference } from '../../replicate/sync-diff.js';
import { managedContext } from '../app-context.js';
import { withMinAge } from './min-age.js';
import { failureExitCode, reportFailures } from '../failures.js';
import { declaredSourceJson, errorJson } from '../json/common.js';
import { printJson, printLines } from '../output.js';
import { withProgressBoard } from '../progress-board.js';

/** A difference in the contract's shape: its kind is `difference`, its declared line a `Source`. */
function differenceJson(d: Difference): object {
  return { tool: d.tool, difference: d.kind, want: d.want ?? null, have: d.have ?? null, source: declaredSourceJson(d.at) };
}

interface SyncFlags {
  check?: boolean;
  locked?: boolean;
  json?: boolean;
  minAge?: string;
}

/** One line per difference, as `sync --check` reports it and `sync` repairs it. */
function describe(difference: Difference): string {
  switch (difference.kind) {
    case 'missing':
      return `missing        ${difference.tool} ${difference.want} (${difference.where})`;
    case 'extra':
      return `extra          ${difference.tool} ${difference.have} is selected but not declared`;
    case 'other-version':
      return `other version  ${difference.tool}: ${difference.have} here, ${difference.want} declared (${difference.where})`;
    case 'other-bytes':
      return `other bytes    ${difference.tool}: ${difference.have} here, the lock says ${difference.want}`;
    case 'other-hold':
      return `other hold     ${difference.tool}: ${difference.have} here, ${difference.want} declared (${difference.where})`;
  }
}

/** What `tool sync` did about a difference. */
function repaired(difference: Difference): string {
  switch (difference.kind) {
    case 'missing':
      return `installed      ${difference.tool} ${difference.want}`;
    case 'extra':
      return `unselected     ${difference.tool} ${difference.have}: not declared (its versions stay until \`tool remove ${difference.tool}\`)`;
    case 'other-version':
      return `switched       ${difference.tool}: ${difference.have} → ${difference.want}`;
    case 'other-bytes':
      return `NOT repaired   ${difference.tool}: ${difference.have} here, the lock says ${difference.want}; \`tool remove\` that version, then \`tool sync\``;
    case 'other-hold':
      return `${difference.want === 'held' ? 'held    ' : 'released'}       ${difference.tool}`;
  }
}

export async function sync(flags: SyncFlags): Promise<void> {
  const ctx = withMinAge(await managedContext(), flags.minAge);
  if (flags.check) {
    const result = await checkMachine(ctx);
    if (result.changes.length > 0) process.exitCode = 1;
    if (flags.json) return printJson({ inSync: result.changes.length === 0, differences: result.changes.map(differenceJson) });
    printLines(result.changes.length === 0 ? ['this machine matches the declared tool set'] : [`this machine differs from the declared tool set:`, ...result.changes.map((d) => `  ${describe(d)}`), 'run `tool sync` to make it match']);
    return;
  }
  const board = withProgressBoard(ctx, process.stderr);
  let result: SyncResult;
  try {
    result = await syncMachine(board.ctx, flags.locked ? { locked: true } : {});
  } finally {
    board.close();
  }
  const failed = new Set(result.failed.map((f) => f.tool));
  const made = result.changes.filter((d) => !failed.has(d.tool));
  if (flags.json) {
    if (result.failed.length > 0) process.exitCode = failureExitCode(result.failed.map((f) => ({ label: f.tool, error: f.error })));
    return printJson({ repaired: made.map(differenceJson), failed: result.failed.map((f) => ({ tool: f.tool, source: declaredSourceJson(f.at), error: errorJson(f.error) })) });
  }
  if (result.changes.length === 0) {
    printLines(['nothing to do: this machine matches the declared tool set']);
  } else if (made.length > 0) {
    printLines(['synced with the declared tool set:', ...made.map((d) => `  ${repaired(d)}`)]);
  }
  const failures = result.failed.map((f) => ({ label: `${f.tool} (${f.where})`, error: f.error }));
  const total = failed.size + new Set(made.map((d) => d.tool)).size;
  reportFailures(failures, { total, done: made.length === 0 ? 'nothing else needed a change' : 'the other changes were made', retry: `tool sync${flags.locked ? ' --locked' : ''}` });
}
