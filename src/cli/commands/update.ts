import { updateTools, type UpdateOutcome } from '../../app/lifecycle/update.js';
import { managedContext } from '../app-context.js';
import { withMinAge } from './min-age.js';
import { printJson, printLines } from '../output.js';

/** The newer release the cooldown held back, after the outcome. */
function heldBack(outcome: UpdateOutcome): string {
  return outcome.heldBack ? `; held back: ${outcome.heldBack}` : '';
}

export async function update(names: string[], flags: { reason?: string; minAge?: string; json?: boolean } = {}): Promise<void> {
  const outcomes = await updateTools(withMinAge(await managedContext(), flags.minAge), names, flags.reason ? { reason: flags.reason } : {});
  if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
  if (flags.json) return printJson({ tools: outcomes.map((o) => ({ tool: o.tool, status: o.status, from: o.from ?? null, to: o.to ?? null, message: o.message ?? null, heldBackNote: o.heldBack ?? null })) });
  if (outcomes.length === 0) return printLines(['no tools added yet (tools installed only for projects follow their .tools pins)']);
  printLines(
    outcomes.map((o) => {
      switch (o.status) {
        case 'updated':
          return `${o.tool}: ${o.from ?? 'none'} → ${o.to}${heldBack(o)}`;
        case 'up-to-date':
          return `${o.tool}: ${o.from} ${o.message ?? 'is up to date'}${heldBack(o)}`;
        case 'held':
          return `${o.tool}: ${o.from} ${o.message}`;
        case 'failed':
          return `${o.tool}: update failed: ${o.message}`;
        case 'project-only':
          return `${o.tool}: not updated: ${o.message}`;
      }
    }),
  );
}
