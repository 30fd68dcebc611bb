/**
 * The `.tools` format: one `<name> <spec>` per line, `#` starts a comment, blank
 * lines allowed. The shim's sh parser reads the same text the same way: strip a
 * trailing CR, cut at the first `#`, split on blanks; the first field is the
 * name and the rest, joined by single spaces, is the spec. Keep them in step.
 */

export interface ToolsEntry {
  name: string;
  spec: string;
  /** 1-based line number, for messages such as "./.tools line 3". */
  line: number;
}

export interface ToolsProblem {
  line: number;
  name: string | undefined;
  message: string;
}

export interface ToolsFile {
  path: string;
  entries: ToolsEntry[];
  problems: ToolsProblem[];
}

function fieldsOf(rawLine: string): string[] {
  const line = rawLine.replace(/\r$/, '');
  const hash = line.indexOf('#');
  const content = hash < 0 ? line : line.slice(0, hash);
  return content.split(/[ \t]+/).filter((field) => field !== '');
}

export function parseToolsFile(text: string, path: string): ToolsFile {
  const entries: ToolsEntry[] = [];
  const problems: ToolsProblem[] = [];
  text.split('\n').forEach((rawLine, index) => {
    const fields = fieldsOf(rawLine);
    const line = index + 1;
    const [name, ...rest] = fields;
    if (name === undefined) return;
    if (rest.length === 0) {
      problems.push({ line, name, message: `"${name}" has no version; write "${name} <version>" (or "${name} latest")` });
      return;
    }
    entries.push({ name, spec: rest.join(' '), line });
  });
  return { path, entries, problems };
}

/** Does a `.tools` name refer to this tool? Registry names and owner/repo, case-insensitively. */
export function nameMatches(name: string, aliases: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return aliases.some((alias) => alias.toLowerCase() === lower);
}

/**
 * Set `name spec` in the file text: rewrite the first line naming the tool
 * (keeping its trailing comment), drop later duplicates, or append a line.
 */
export function setToolsEntry(text: string, aliases: readonly string[], name: string, spec: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  let written = false;
  const out: string[] = [];
  for (const rawLine of lines) {
    const [lineName] = fieldsOf(rawLine);
    if (lineName === undefined || !nameMatches(lineName, aliases)) {
      out.push(rawLine);
    } else if (!written) {
      const hash = rawLine.indexOf('#');
      const comment = hash < 0 ? '' : ` ${rawLine.slice(hash)}`;
      out.push(`${name} ${spec}${comment}`);
      written = true;
    }
  }
  if (!written) out.push(`${name} ${spec}`);
  return `${out.join(eol)}${eol}`;
}

/** Remove every line naming the tool; comments and other lines stay. */
export function removeToolsEntry(text: string, aliases: readonly string[]): string {
  const kept = text
    .replace(/\n$/, '')
    .split('\n')
    .filter((rawLine) => {
      const [lineName] = fieldsOf(rawLine);
      return lineName === undefined || !nameMatches(lineName, aliases);
    });
  const joined = kept.join('\n');
  return joined === '' ? '' : `${joined}\n`;
}
