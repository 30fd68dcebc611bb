/**
 * Before searching, `tool bisect` runs the check on both ends: a search is
 * only meaningful when the good end passes and the bad end fails. Otherwise
 * the user gets one line saying which end disagrees and what to change.
 */
import { ToolError } from '../../core/errors.js';
import type { BisectStep } from './bisect.js';

function outcome(step: BisectStep): string {
  if (step.note) return step.note;
  if (step.signal) return `killed by ${step.signal}`;
  return `exit ${step.exitCode}`;
}

function commandText(check: readonly string[]): string {
  return check.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** undefined when good passes and bad fails; else the error to stop with. */
export function endpointProblem(good: BisectStep, bad: BisectStep, check: readonly string[]): ToolError | undefined {
  if (good.verdict === 'good' && bad.verdict === 'bad') return undefined;
  const command = commandText(check);
  if (good.verdict === 'bad' && bad.verdict === 'good') {
    return new ToolError('TOOL_BISECT_ENDS', `good and bad look reversed: \`${command}\` fails on --good ${good.version} (${outcome(good)}) and passes on --bad ${bad.version}`, {
      hint: 'bisect finds the first release that fails the check; to find the release that fixed something, invert the check (exit 1 where it works)',
    });
  }
  if (good.verdict !== 'good') {
    const what = good.verdict === 'skip' ? 'skips' : 'fails on';
    return new ToolError('TOOL_BISECT_ENDS', `\`${command}\` ${what} --good ${good.version} (${outcome(good)})`, {
      hint: 'Give an older --good that passes, or fix the check (exit 0 = good, 125 = skip, anything else = bad)',
    });
  }
  const what = bad.verdict === 'skip' ? 'skips' : 'passes on';
  return new ToolError('TOOL_BISECT_ENDS', `\`${command}\` ${what} --bad ${bad.version} (${outcome(bad)}), so there is nothing to find between ${good.version} and ${bad.version}`, {
    hint: 'Give a newer --bad that fails, or make the check exit non-zero for the problem you are looking for',
  });
}
