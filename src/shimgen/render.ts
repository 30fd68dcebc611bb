/** Fills the shims/posix.sh template for one executable. Pure apart from reading the template once. */
import { readFileSync } from 'node:fs';
import { SHIM_TEMPLATE } from '../registry/package-files.js';
import { toolDirName } from '../store/layout.js';

export const SHIM_VERSION = '4';
let template: string | undefined;

export interface ShimInput {
  home: string;
  toolId: string;
  exe: string;
  /** TOOL_<NAME>_VERSION variables, in the order the resolver checks them. */
  envVars: readonly string[];
  /** Names a .tools line may use for this tool. */
  aliases: readonly string[];
  node: string;
  cli: string;
  /** Background update checks are on: the shim tests their due time. */
  autoUpdate: boolean;
}

/** Single-quote for sh: 'it'\''s'. */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A case pattern matching the name in any letter case: "rg" → "[rR][gG]". */
export function caseInsensitivePattern(name: string): string {
  return [...name]
    .map((char) => {
      const lower = char.toLowerCase();
      const upper = char.toUpperCase();
      if (lower !== upper) return `[${lower}${upper}]`;
      return /[A-Za-z0-9._/-]/.test(char) ? char : `\\${char}`;
    })
    .join('');
}

/** Due when the due file is older than this shell (/proc/$$ is as old as the process; absent off Linux). */
function autoUpdateLine(input: ShimInput): string {
  const due = `"$h/state/auto/${toolDirName(input.toolId)}"`;
  return `[ /proc/$$ -nt ${due} ] && { ${shQuote(input.node)} ${shQuote(input.cli)} __auto-update ${shQuote(input.toolId)} </dev/null >>"$h/log/auto-update.log" 2>&1 & }`;
}

/** "${A:-${B:-}}": the first non-empty variable, as findPin reads them (an empty one counts as unset). */
function envRead(variables: readonly string[]): string {
  for (const name of variables) if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new Error(`unsafe variable name for a shim: ${name}`);
  return variables.reduceRight((inner, name) => `\${${name}:-${inner}}`, '');
}

export function renderShim(input: ShimInput): string {
  // The name is spliced into sh code unquoted in places; install refuses any other name.
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(input.exe)) throw new Error(`unsafe executable name for a shim: ${JSON.stringify(input.exe)}`);
  template ??= readFileSync(SHIM_TEMPLATE, 'utf8');
  const values: Record<string, string> = {
    HOME: shQuote(input.home),
    DIR: toolDirName(input.toolId),
    ENVREAD: envRead(input.envVars),
    PATTERNS: input.aliases.map(caseInsensitivePattern).join(' | '),
    CR: '\r',
    EXE: input.exe,
    TOOL: shQuote(input.toolId),
    NODE: shQuote(input.node),
    CLI: shQuote(input.cli),
    SHIM_VERSION,
    AUTO: input.autoUpdate ? autoUpdateLine(input) : '# (background update checks are off for this tool)',
  };
  return template.replace(/@@([A-Z_]+)@@/g, (match, key: string) => values[key] ?? match);
}
