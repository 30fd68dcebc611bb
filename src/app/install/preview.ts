/** `tool add --dry-run`: which asset would be installed and why, downloading nothing but release metadata. */
import { chooseAsset } from './choose-asset.js';
import { formatPlatform } from '../../core/platform.js';
import { parseSpec } from '../../core/spec.js';
import type { ToolRequest } from '../../core/tool-ref.js';
import { checksumSource } from './verify-asset.js';
import type { AppContext } from '../context.js';
import { identifyTool } from '../select/identify.js';
import type { HeldBack } from '../../core/release-age.js';
import { heldBackNote, resolveOldEnough } from './resolve-old-enough.js';

export interface InstallPreview {
  tool: string;
  repo: string;
  version: string;
  tag: string;
  platform: string;
  asset: string;
  url: string;
  reason: string;
  rosetta: boolean;
  runnersUp: { asset: string; reason: string }[];
  checksum: string;
  /** A newer release the release cooldown set aside; absent when none was. */
  heldBack?: HeldBack;
}

export async function previewInstall(ctx: AppContext, request: ToolRequest, assetGlob?: string): Promise<InstallPreview> {
  const tool = await identifyTool(ctx, request.name);
  const resolved = await resolveOldEnough(ctx, await ctx.github(), tool, parseSpec(request.spec ?? 'latest'));
  const { release, version } = resolved;
  const note = heldBackNote(ctx, tool, resolved);
  if (note) ctx.log(note);
  const choice = chooseAsset(ctx, tool, release, version, assetGlob);
  const source = checksumSource(tool, release, choice.asset, version);
  return {
    tool: tool.id,
    repo: tool.repo,
    version,
    tag: release.tag_name,
    platform: formatPlatform(ctx.platform()),
    asset: choice.asset.name,
    url: choice.asset.browser_download_url,
    reason: choice.reason,
    rosetta: choice.rosetta,
    runnersUp: choice.runnersUp.map((r) => ({ asset: r.asset.name, reason: r.reason })),
    checksum: source.kind === 'digest' ? 'GitHub asset digest' : source.kind === 'file' ? `checksum file ${source.file.name}` : 'none published (will be recorded, unverified)',
    ...(resolved.heldBack ? { heldBack: resolved.heldBack } : {}),
  };
}
