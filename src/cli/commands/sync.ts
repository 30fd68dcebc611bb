import { checkMachine, syncMachine } from '../../replicate/sync.js';
import type { Difference } from '../../replicate/sync-diff.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';

interface SyncFlags {
  check?: boolean;
  locked?: boolean;
  json?: boolean;
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
  const ctx = await managedContext();
  if (flags.check) {
    const result = await checkMachine(ctx);
    if (result.changes.length > 0) process.exitCode = 1;
    if (flags.json) return printJson({ inSync: result.changes.length === 0, differences: result.changes });
    printLines(result.changes.length === 0 ? ['this machine matches the declared tool set'] : [`this machine differs from the declared tool set:`, ...result.changes.map((d) => `  ${describe(d)}`), 'run `tool sync` to make it match']);
    return;
  }
  const result = await syncMachine(ctx, flags.locked ? { locked: true } : {});
  if (flags.json) return printJson({ changed: result.changes });
  printLines(result.changes.length === 0 ? ['nothing to do: this machine matches the declared tool set'] : ['synced with the declared tool set:', ...result.changes.map((d) => `  ${repaired(d)}`)]);
}
