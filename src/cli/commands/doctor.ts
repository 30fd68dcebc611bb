/** `tool doctor`: prints each check's verdict, every problem with its fix; exit 1 when any problem remains. */
import type { CheckResult, DoctorReport } from '../../app/doctor/types.js';
import { cliContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';

interface DoctorFlags {
  fix?: boolean;
  deep?: boolean;
  json?: boolean;
}

const NAME_WIDTH = 'self-updates'.length + 2;

function checkLines(check: CheckResult): string[] {
  const verdict = check.ok ? `ok    ${check.summary}` : `${check.problems.length === 1 ? '1 problem' : `${check.problems.length} problems`}`;
  const lines = [`${check.name.padEnd(NAME_WIDTH)}${verdict}`];
  for (const problem of check.problems) lines.push(`  - ${problem.message}`, `    fix: ${problem.fix}`);
  for (const note of check.notes) lines.push(`  note: ${note}`);
  return lines;
}

function closing(report: DoctorReport): string {
  const problems = report.checks.flatMap((check) => check.problems);
  if (problems.length === 0) return 'no problems found';
  const fixable = problems.filter((problem) => problem.repair).length;
  const repairable = fixable > 0 ? `; \`tool doctor --fix\` repairs ${fixable === problems.length ? 'them' : `${fixable} of them`} (derived state only)` : '';
  return `${problems.length === 1 ? '1 problem' : `${problems.length} problems`} found${repairable}`;
}

/** The --json shape (README "tool doctor"): the repair itself stays internal, `fixable` says whether --fix makes it. */
function jsonOf(report: DoctorReport): object {
  return {
    ok: report.ok,
    checks: report.checks.map((check) => ({
      name: check.name,
      ok: check.ok,
      summary: check.summary,
      problems: check.problems.map((problem) => ({ message: problem.message, fix: problem.fix, fixable: problem.repair !== undefined })),
      notes: check.notes,
    })),
    fixed: report.fixed,
  };
}

export async function doctor(flags: DoctorFlags): Promise<void> {
  // Not managedContext: it would capture self-updates and rewrite stale shims first, hiding what doctor is here to find.
  const ctx = cliContext();
  const { runDoctor } = await import('../../app/doctor/runner.js');
  const report = await runDoctor(ctx, { fix: Boolean(flags.fix), deep: Boolean(flags.deep) });
  if (!report.ok) process.exitCode = 1;
  if (flags.json) return printJson(jsonOf(report));
  const fixed = report.fixed.length > 0 ? ['fixed:', ...report.fixed.map((line) => `  ${line}`), ''] : [];
  printLines([...fixed, ...report.checks.flatMap(checkLines), '', closing(report)]);
}
