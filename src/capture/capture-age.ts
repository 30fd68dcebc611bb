/**
 * A self-update the tool performed itself is the user's choice (they ran
 * `yt-dlp -U`), so the cooldown never refuses it: the bytes are captured as
 * usual. When the upstream release of the captured version is younger than
 * the tool's minimum release age, the history entry says so, so `tool history`
 * shows which versions arrived before `tool` itself would have taken them.
 */
import { youngRelease } from '../core/release-age.js';
import type { AppContext } from '../app/context.js';
import type { ToolIdentity } from '../app/select/identify.js';
import { releaseAgePolicy } from '../app/install/resolve-old-enough.js';
import type { YoungerThanCooldown } from '../store/history.js';

export function youngerThanCooldown(ctx: AppContext, tool: ToolIdentity, version: string, publishedAt: string | undefined): YoungerThanCooldown | undefined {
  const policy = releaseAgePolicy(ctx, tool);
  if (publishedAt === undefined || !policy || policy.seconds === 0) return undefined;
  const held = youngRelease({ version, publishedAt }, ctx.now(), policy);
  return held ? { publishedAt: held.publishedAt, eligibleAt: held.eligibleAt, minReleaseAgeSeconds: policy.seconds, setBy: policy.setBy } : undefined;
}
