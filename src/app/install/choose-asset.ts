/** The release asset for this platform, as install and `--dry-run` both choose it. */
import { selectAsset, type AssetChoice } from '../../assets/select.js';
import type { Platform } from '../../core/platform.js';
import type { Asset, Release } from '../../github/types.js';
import type { AppContext } from '../context.js';
import { aquaAssetChoice } from '../../registries/aqua-install.js';
import type { ToolIdentity } from '../select/identify.js';

/** For this machine unless `platform` names another (locks cover several). */
export function chooseAsset(ctx: AppContext, tool: ToolIdentity, release: Release, version: string, glob: string | undefined, platform: Platform = ctx.platform()): AssetChoice<Asset> {
  // An aqua package's rules decide, unless the user chose a glob (load the package first: withAquaPackage).
  if (tool.aqua?.pkg && !glob) return aquaAssetChoice(tool, release, platform);
  return selectAsset(release.assets, platform, {
    ...(tool.entry?.assets ? { rules: tool.entry.assets } : {}),
    version,
    tag: release.tag_name,
    ...(glob ? { glob } : {}),
    toolName: tool.entry?.name ?? tool.repo.split('/')[1]!,
    toolId: tool.id,
  });
}
