/**
 * Downloading a version again that was once active but is no longer in the
 * store (pruned or removed), for `tool rollback`. The bytes must be the ones
 * that ran before: the asset is checked against the SHA-256 the history
 * recorded for that version, not only against what the release publishes now,
 * so a release republished with other bytes is refused.
 */
import { ToolError } from '../../core/errors.js';
import { parseSpec } from '../../core/spec.js';
import { isLocalBuild } from '../../core/version.js';
import type { GitHubClient } from '../../github/types.js';
import type { HistoryEntry } from '../../store/history.js';
import type { Verification } from '../../store/manifest.js';
import type { AppContext } from '../context.js';
import { recordedSha256 } from '../lifecycle/history-facts.js';
import type { ToolIdentity } from '../select/identify.js';
import { applyInstall, planInstall, type InstallPlan } from './install.js';
import { resolveRelease } from './resolve-release.js';
import type { Expected } from './verify-asset.js';

export interface Reinstalled {
  asset: string;
  /** True when the asset matched the SHA-256 in the history; false when only the release's own checksum (if any) was there to check. */
  againstHistory: boolean;
  verification: Verification;
}

function historyExpected(tool: ToolIdentity, version: string, hex: string, current: string | undefined): Expected {
  return {
    hex,
    verification: { method: 'checksum-file', source: `the SHA-256 recorded in ${tool.id}'s history` },
    ofBinary: false,
    mismatch: `Nothing was installed and ${tool.id} stays at ${current ?? 'its current version'}: the release no longer serves the bytes ${version} had when it ran here (republished or tampered with). Check the release on GitHub, or roll back to another version with \`tool rollback ${tool.id} --to <version>\``,
  };
}

async function planFromRelease(ctx: AppContext, tool: ToolIdentity, version: string): Promise<{ plan: InstallPlan; github: GitHubClient }> {
  const github = await ctx.github();
  const resolved = await resolveRelease(github, tool, parseSpec(version));
  // A tag that resolves to some other version would install bytes the history never saw.
  if (resolved.version !== version) {
    throw new ToolError('TOOL_NO_MATCHING_VERSION', `${tool.repo} has no release for ${tool.id} ${version} any more (the nearest is ${resolved.version})`, {
      hint: `Roll back to a version that is still released: \`tool rollback ${tool.id} --to ${resolved.version}\``,
    });
  }
  return { plan: await planInstall(ctx, github, tool, resolved.release, version), github };
}

/**
 * Install `version` of `tool` again. `current` is the version that stays
 * active if this fails; it only makes the mismatch message precise.
 */
export async function reinstallVersion(ctx: AppContext, tool: ToolIdentity, version: string, history: readonly HistoryEntry[], current: string | undefined): Promise<Reinstalled> {
  if (isLocalBuild(version)) {
    throw new ToolError('TOOL_NOT_INSTALLED', `${tool.id} ${version} is a local build (bytes the tool wrote when it updated itself) that is no longer in the store, so it cannot be downloaded again`, {
      hint: `Roll back to a released version instead: \`tool rollback ${tool.id} --to <version>\` (see \`tool history ${tool.id}\`)`,
    });
  }
  const { plan, github } = await planFromRelease(ctx, tool, version);
  const hex = recordedSha256(history, version);
  const checked = hex ? { ...plan, expected: historyExpected(tool, version, hex, current) } : plan;
  const outcome = await applyInstall(ctx, github, checked, 'rollback');
  return { asset: outcome.manifest.asset.name, againstHistory: hex !== undefined, verification: outcome.manifest.verification };
}
