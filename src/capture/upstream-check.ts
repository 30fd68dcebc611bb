/**
 * After a self-update: do the new bytes match what upstream published for that
 * version? Only raw single-file assets can be compared directly (the asset is
 * the executable); for archives the answer is "unverified". Network trouble
 * also yields "unverified": the capture itself must never fail because of it.
 */
import { parseSpec } from '../core/spec.js';
import type { AppContext } from '../app/context.js';
import type { ToolIdentity } from '../app/select/identify.js';
import { planInstall } from '../app/install/install.js';
import { resolveRelease } from '../app/install/resolve-release.js';
import { archiveKindOf } from '../archive/kind.js';
import type { Release } from '../github/types.js';

export interface UpstreamCheck {
  check: 'verified' | 'unverified' | 'mismatch';
  detail: string;
  /** When upstream published the release of that version, when it was found: the cooldown marks a young one (capture-age.ts). */
  publishedAt?: string;
}

export async function checkAgainstUpstream(ctx: AppContext, tool: ToolIdentity, version: string, sha256: string): Promise<UpstreamCheck> {
  try {
    const github = await ctx.github();
    const { release } = await resolveRelease(github, tool, parseSpec(version));
    const dated = release.published_at ? { publishedAt: release.published_at } : {};
    return { ...(await compare(ctx, tool, release, version, sha256)), ...dated };
  } catch (error) {
    return { check: 'unverified', detail: `could not compare with upstream: ${(error as Error).message}` };
  }
}

async function compare(ctx: AppContext, tool: ToolIdentity, release: Release, version: string, sha256: string): Promise<UpstreamCheck> {
  try {
    const plan = await planInstall(ctx, await ctx.github(), tool, release, version);
    const raw = (tool.entry?.format ?? archiveKindOf(plan.asset.name)) === 'raw';
    if (!raw) return { check: 'unverified', detail: `${plan.asset.name} is an archive; its executable cannot be compared without downloading it` };
    if (!plan.expected.hex) return { check: 'unverified', detail: `${release.tag_name} publishes no checksum for ${plan.asset.name}` };
    if (plan.expected.hex === sha256) return { check: 'verified', detail: `matches ${plan.asset.name} of ${release.tag_name} (${plan.expected.verification.source})` };
    return { check: 'mismatch', detail: `upstream ${plan.asset.name} of ${release.tag_name} has sha256 ${plan.expected.hex}` };
  } catch (error) {
    return { check: 'unverified', detail: `could not compare with upstream: ${(error as Error).message}` };
  }
}
