/** `tool versions <tool>`: the releases upstream has, newest first, and which of them are installed here. */
import { versionFromTag, compareVersions } from '../../core/version.js';
import { installedVersions } from '../../store/read.js';
import type { AppContext } from '../context.js';
import { tagPrefixOf, type ToolIdentity } from '../select/identify.js';

export interface RemoteVersion {
  version: string;
  tag: string;
  publishedAt: string | null;
  prerelease: boolean;
  installed: boolean;
}

/** Paginated and ETag-cached by the client; drafts are never listed. Releases whose tag is not a version are left out. */
export async function remoteVersions(ctx: AppContext, tool: ToolIdentity): Promise<RemoteVersion[]> {
  const releases = await (await ctx.github()).listReleases(tool.repo);
  const installed = new Set(await installedVersions(ctx.layout, tool.id));
  const versions: RemoteVersion[] = [];
  for (const release of releases) {
    if (release.draft) continue;
    const version = versionFromTag(release.tag_name, tagPrefixOf(tool));
    if (!version) continue;
    versions.push({ version, tag: release.tag_name, publishedAt: release.published_at, prerelease: release.prerelease, installed: installed.has(version) });
  }
  return versions.sort((a, b) => compareVersions(b.version, a.version));
}
