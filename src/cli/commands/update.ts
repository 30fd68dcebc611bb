import { updateTools } from '../../app/lifecycle/update.js';
import { managedContext } from '../app-context.js';
import { printLines } from '../output.js';

export async function update(names: string[], flags: { reason?: string } = {}): Promise<void> {
  const outcomes = await updateTools(await managedContext(), names, flags);
  if (outcomes.length === 0) return printLines(['no tools added yet (tools installed only for projects follow their .tools pins)']);
  printLines(
    outcomes.map((o) => {
      switch (o.status) {
        case 'updated':
          return `${o.tool}: ${o.from ?? 'none'} → ${o.to}`;
        case 'up-to-date':
          return `${o.tool}: ${o.from} ${o.message ?? 'is up to date'}`;
        case 'held':
          return `${o.tool}: ${o.from} ${o.message}`;
        case 'failed':
          return `${o.tool}: update failed: ${o.message}`;
        case 'project-only':
          return `${o.tool}: not updated: ${o.message}`;
      }
    }),
  );
  if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
}
