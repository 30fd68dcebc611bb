/** Printing for commands: data to stdout (human text or --json), nothing else prints results. */
import { paintLogLine, painterFor, type Painter, type Role } from './style.js';

let stdoutPaint: Painter | undefined;

/** Colour for stdout's human text: only on a terminal (style.ts decides); read at first use. */
function paint(): Painter {
  return (stdoutPaint ??= painterFor(process.stdout));
}

/**
 * A command's --json document: `formatVersion` first (README: JSON output), then
 * its fields, an absent value written as null rather than left out. Never
 * coloured: JSON is for programs.
 */
export function printJson(body: object, formatVersion = 1): void {
  const document = { formatVersion, ...body };
  process.stdout.write(`${JSON.stringify(document, (_key, value: unknown) => (value === undefined ? null : value), 2)}\n`);
}

/** Lines of human text; a leading "warning:" or "note:" is coloured on a terminal. */
export function printLines(lines: readonly string[]): void {
  if (lines.length > 0) process.stdout.write(`${lines.map((line) => paintLogLine(line, paint())).join('\n')}\n`);
}

/** A version for human text: coloured on a terminal. */
export function versionText(version: string): string {
  return paint()('version', version);
}

/**
 * Left-aligned columns, for list-like output. `roles` colours whole columns
 * (not the header row, nor an empty or "-" cell); the padding is measured on
 * the plain text and stays outside the colour.
 */
export function table(rows: readonly (readonly string[])[], roles: readonly (Role | undefined)[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const painted = (cell: string, i: number, header: boolean) => {
    const role = roles[i];
    return role && !header && cell !== '' && cell !== '-' ? paint()(role, cell) : cell;
  };
  return rows.map((row, r) =>
    row
      .map((cell, i) => `${painted(cell, i, r === 0)}${i === row.length - 1 ? '' : ' '.repeat(widths[i]! - cell.length)}`)
      .join('  ')
      .trimEnd(),
  );
}
