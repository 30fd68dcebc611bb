/**
 * Where an asset's bytes are asked for: the release's download URL, or the
 * artifact cache a `url-rewrite` rule sends it to. A rewritten download never
 * carries the token (the mirror is not the API host) and never falls back to
 * GitHub: an organisation that routes downloads through its cache means it.
 * The bytes are checked by the caller against the same SHA-256 either way.
 */
import { ToolError } from '../core/errors.js';
import { rewriteUrl, type RewriteRule, type Rewritten } from '../env/url-rewrite.js';
import type { HttpOptions } from './http.js';
import type { Asset } from './types.js';

export interface AssetSource {
  start: URL;
  options: HttpOptions;
  /** Set when a rule rewrote the download URL. */
  mirror?: Rewritten;
}

export function assetSource(asset: Asset, options: HttpOptions, rules: readonly RewriteRule[]): AssetSource {
  const original = new URL(asset.browser_download_url);
  const mirror = rules.length > 0 ? rewriteUrl(original, rules) : undefined;
  if (!mirror) return { start: original, options };
  return { start: mirror.url, options: { ...options, auth: undefined }, mirror };
}

/** The progress line for a rewritten download. */
export function mirrorNote(asset: Asset, mirror: Rewritten): string {
  return `downloading ${asset.name} from ${mirror.url.href} (url-rewrite, ${mirror.rule.where})`;
}

/** A mirror that answered something other than the bytes. */
export function mirrorRefused(asset: Asset, mirror: Rewritten, status: number): ToolError {
  return new ToolError('TOOL_NETWORK', `the mirror ${mirror.url.href} answered ${status} for ${asset.name} (url-rewrite, ${mirror.rule.where}, for ${asset.browser_download_url})`, {
    hint: status === 404 ? 'Check that the artifact cache holds or proxies that release, or fix the rule' : 'Check the artifact cache, or fix or remove the url-rewrite rule',
  });
}
