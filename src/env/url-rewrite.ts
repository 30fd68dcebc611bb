/**
 * `url-rewrite` lines of the settings file: release downloads fetched from an
 * artifact cache (Artifactory, Nexus) instead of where the release says.
 *
 *   url-rewrite = https://github.com/ -> https://nexus.example/repository/github/
 *   url-rewrite = ~^https://github\.com/([^/]+)/([^/]+)/releases/download/(.*)$ -> https://mirror.example/$1/$2/$3
 *
 * The first form replaces a prefix; the second (after `~`) is a JavaScript
 * regular expression whose match is replaced, `$1`… naming its groups. The
 * first line that matches wins. Only asset downloads are rewritten, never API
 * requests, and the bytes are checked against the same SHA-256 as without it.
 */
import { ToolError } from '../core/errors.js';
import { isSafeUrl } from './safe-url.js';
import { settingError, settingsAll, type SettingEntry, type SettingsFile } from './settings-file.js';

export interface RewriteRule {
  kind: 'prefix' | 'pattern';
  /** The prefix, or the pattern's source. */
  from: string;
  to: string;
  /** "<settings path> line N". */
  where: string;
  pattern?: RegExp;
}

export interface Rewritten {
  url: URL;
  rule: RewriteRule;
}

const ARROW = ' -> ';
const SYNTAX = 'Write url-rewrite = https://FROM/ -> https://TO/ (a prefix), or url-rewrite = ~REGEX -> https://TO/$1 (a pattern)';

function parseRule(entry: SettingEntry): RewriteRule {
  const arrow = entry.value.indexOf(ARROW);
  if (arrow < 0) throw settingError(entry, `url-rewrite "${entry.value}" has no " -> "`, SYNTAX);
  const from = entry.value.slice(0, arrow).trim();
  const to = entry.value.slice(arrow + ARROW.length).trim();
  const where = `${entry.path} line ${entry.line}`;
  if (from === '' || from === '~' || to === '') throw settingError(entry, `url-rewrite "${entry.value}" needs something on both sides of " -> "`, SYNTAX);
  if (from.startsWith('~')) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(from.slice(1));
    } catch (error) {
      throw settingError(entry, `url-rewrite pattern ${from.slice(1)} is not a regular expression (${(error as Error).message})`, SYNTAX);
    }
    return { kind: 'pattern', from: from.slice(1), to, where, pattern };
  }
  if (!/^https?:\/\/[^/]/i.test(from)) throw settingError(entry, `url-rewrite prefix "${from}" is not the start of an http(s) URL`, SYNTAX);
  const target = URL.parse(to);
  if (!target || !isSafeUrl(target)) {
    throw settingError(entry, `url-rewrite target "${to}" is not an https URL`, 'Mirrors must be https (plain http only on 127.0.0.1/localhost)');
  }
  return { kind: 'prefix', from, to, where };
}

/** Every rule in file order; a malformed line stops with its file and line. */
export function readRewriteRules(file: SettingsFile): RewriteRule[] {
  return settingsAll(file, 'url-rewrite').map(parseRule);
}

function apply(rule: RewriteRule, href: string): string | undefined {
  if (rule.kind === 'prefix') return href.startsWith(rule.from) ? rule.to + href.slice(rule.from.length) : undefined;
  if (!rule.pattern!.test(href)) return undefined;
  return href.replace(rule.pattern!, rule.to);
}

/**
 * Where a download goes instead of `url`, by the first rule that matches;
 * undefined when none does. The result must itself be https (or loopback http).
 */
export function rewriteUrl(url: URL, rules: readonly RewriteRule[]): Rewritten | undefined {
  for (const rule of rules) {
    const text = apply(rule, url.href);
    if (text === undefined) continue;
    const rewritten = URL.parse(text);
    if (!rewritten || !isSafeUrl(rewritten)) {
      throw new ToolError('TOOL_INSECURE_URL', `url-rewrite (${rule.where}) turns ${url.href} into ${text}, which is not an https URL; nothing was fetched`, {
        hint: 'Fix the rule so it gives https:// (plain http only on 127.0.0.1/localhost)',
      });
    }
    return { url: rewritten, rule };
  }
  return undefined;
}

/** "https://github.com/ -> https://mirror/" as written, for doctor and progress lines. */
export function describeRule(rule: RewriteRule): string {
  return `${rule.kind === 'pattern' ? '~' : ''}${rule.from} -> ${rule.to}`;
}
