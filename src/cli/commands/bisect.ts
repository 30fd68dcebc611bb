import { bisectTool, type BisectResult, type BisectStep } from '../../app/throwaway/bisect.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';

/** "8.0.4: bad (exit 1)". */
function stepLine(step: BisectStep): string {
  const how = step.note ?? (step.signal ? `killed by ${step.signal}` : `exit ${step.exitCode}`);
  return `${step.version}: ${step.verdict} (${how})`;
}

function summary(result: BisectResult): string[] {
  const checks = `${result.steps.length} checks for ${result.releases} releases`;
  const first = result.untested.length === 0
    ? `first bad release: ${result.tool} ${result.firstBad} (last good: ${result.lastGood}); ${checks}`
    : `first bad release: ${result.tool} ${result.firstBad} or one of the skipped ${result.untested.join(', ')} before it (last good: ${result.lastGood}); ${checks}`;
  return [first, `to stay on ${result.lastGood}:`, ...result.next.map((line) => `  ${line}`)];
}

export async function bisect(name: string, check: string[], flags: { good: string; bad: string; json?: boolean }): Promise<void> {
  const ctx = await managedContext();
  const result = await bisectTool(ctx, { name, good: flags.good, bad: flags.bad, check }, (step) => {
    if (!flags.json) printLines([stepLine(step)]);
  });
  if (flags.json) {
    const { releases, ...rest } = result;
    return printJson({ tool: rest.tool, good: rest.good, bad: rest.bad, candidates: releases, steps: rest.steps, lastGood: rest.lastGood, firstBad: rest.firstBad, untested: rest.untested, next: rest.next });
  }
  printLines(summary(result));
}
