/** Parsing "name@spec" as typed on the command line; pure. */
import { ToolError } from './errors.js';

export interface ToolRequest {
  /** As typed: a registry name, an executable name, or "owner/repo". */
  name: string;
  /** The text after "@", if any. */
  spec: string | undefined;
}

const OWNER_REPO_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isOwnerRepo(name: string): boolean {
  return OWNER_REPO_RE.test(name) && !name.endsWith('/.') && !name.endsWith('/..');
}

export function parseToolRequest(text: string): ToolRequest {
  const at = text.indexOf('@', 1);
  const name = at < 0 ? text : text.slice(0, at);
  const spec = at < 0 ? undefined : text.slice(at + 1);
  if (!isOwnerRepo(name) && !NAME_RE.test(name)) {
    throw new ToolError('TOOL_USAGE', `"${text}" is not a tool name`, {
      hint: 'Use a registry name (yt-dlp), owner/repo (BurntSushi/ripgrep), optionally with @version',
    });
  }
  if (spec === '') {
    throw new ToolError('TOOL_USAGE', `"${text}" has an empty version after "@"`, {
      hint: `Write ${name}@<version> or just ${name}`,
    });
  }
  return { name, spec };
}

/** `TOOL_<NAME>_VERSION`: upper-cased, every non-alphanumeric character becomes "_". */
export function versionEnvVar(toolId: string): string {
  return `TOOL_${toolId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_VERSION`;
}
