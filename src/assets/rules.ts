/**
 * Registry asset rules and the user's --asset glob: templates with
 * `{version}`/`{tag}` placeholders and `*`/`?` wildcards, matched against
 * whole asset names.
 */
import type { Platform } from '../core/platform.js';

export interface RuleHit {
  key: string;
  template: string;
  pattern: string;
}

/** Keys to try for a platform, most specific first ("linux-x64-musl", then "linux-x64"). */
export function ruleKeys(platform: Platform): string[] {
  const base = `${platform.os}-${platform.arch}`;
  return platform.os === 'linux' && platform.libc ? [`${base}-${platform.libc}`, base] : [base];
}

/** The most specific rule for the platform, with its placeholders filled, or undefined. */
export function findRule(
  rules: Record<string, string> | undefined,
  platform: Platform,
  fill: { version?: string | undefined; tag?: string | undefined },
): RuleHit | undefined {
  if (!rules) return undefined;
  for (const key of ruleKeys(platform)) {
    const template = rules[key];
    if (template !== undefined) return { key, template, pattern: fillTemplate(template, fill) };
  }
  return undefined;
}

/**
 * Replaces `{version}` (without a leading "v") and `{tag}`. Without a version
 * the tag's first number onwards stands in ("bun-v1.1.38" → "1.1.38"); with
 * neither, the placeholder becomes `*` so the rule still narrows by platform.
 */
export function fillTemplate(
  template: string,
  fill: { version?: string | undefined; tag?: string | undefined },
): string {
  const fromTag = fill.tag === undefined ? undefined : /\d.*$/.exec(fill.tag)?.[0];
  const version = fill.version?.replace(/^v/, '') ?? fromTag ?? '*';
  const tag = fill.tag ?? (fill.version === undefined ? '*' : fill.version);
  return template.replaceAll('{version}', version).replaceAll('{tag}', tag);
}

/** A whole-name matcher for a glob with `*` (any run) and `?` (one character). */
export function globMatcher(glob: string, options: { ignoreCase: boolean }): (name: string) => boolean {
  const body = glob
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^${body}$`, options.ignoreCase ? 'i' : '');
  return (name) => regex.test(name);
}
