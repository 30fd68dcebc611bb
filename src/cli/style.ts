/**
 * The one place colour is decided and applied. Colour is for a person at a
 * terminal: it is off when the stream is not a terminal (a pipe, a file, a CI
 * log) unless FORCE_COLOR asks for it, and always off under NO_COLOR (any
 * non-empty value, no-color.org) or TERM=dumb. NO_COLOR wins over FORCE_COLOR:
 * it is the user's own opt-out, FORCE_COLOR is often set machine-wide by CI.
 * --json output never goes through here.
 */
import { styleText } from 'node:util';

export type Role = 'error' | 'warning' | 'note' | 'version' | 'dim';

/** Node's names for each role's look. */
const LOOKS: Record<Role, Parameters<typeof styleText>[0]> = {
  error: ['bold', 'red'],
  warning: ['bold', 'yellow'],
  note: 'cyan',
  version: 'green',
  dim: 'dim',
};

/** FORCE_COLOR as Node and chalk read it: set and not "0" or "false". */
function forced(env: NodeJS.ProcessEnv): boolean {
  const value = env.FORCE_COLOR;
  return value !== undefined && value !== '0' && value.toLowerCase() !== 'false';
}

export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (forced(env)) return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export type Painter = (role: Role, text: string) => string;

/** A painter for one stream; it returns text unchanged when colour is off. */
export function painterFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Painter {
  if (!colorEnabled(stream, env)) return (_role, text) => text;
  // validateStream: false: newer Node checks process.stdout itself; the decision above is ours (and covers stderr).
  return (role, text) => styleText(LOOKS[role], text, { validateStream: false } as never);
}

const PREFIXES: [RegExp, Role][] = [
  [/^(\s*)(warning:)/, 'warning'],
  [/^(\s*)(note:)/, 'note'],
  [/^(\s*)(interrupted:)/, 'warning'],
];

/** A log line with its "warning:"/"note:" prefix coloured; other lines as they are. */
export function paintLogLine(line: string, paint: Painter): string {
  for (const [pattern, role] of PREFIXES) {
    if (pattern.test(line)) return line.replace(pattern, (_all, space: string, word: string) => `${space}${paint(role, word)}`);
  }
  return line;
}
