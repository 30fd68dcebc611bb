/**
 * `tool add yt-dlp --min-age 0` keeps yt-dlp's cooldown for every later
 * `update`, background check and machine: it is written into the tool's own
 * section of the settings file (`[yt-dlp]` / `min-release-age = 0`), beside the
 * declared set in the user's dotfiles. One place says it, `tool` names that line
 * when a release is held back, and the user can read or change it by hand; a
 * record in $TOOL_HOME would be invisible and stay on one machine.
 */
import { MIN_RELEASE_AGE_KEY } from '../../env/min-release-age.js';
import { recordToolSetting, type SettingWritten } from '../../replicate/settings-edit.js';
import type { AppContext } from '../context.js';
import type { ToolIdentity } from '../select/identify.js';

export async function recordMinAge(ctx: AppContext, tool: ToolIdentity, value: string): Promise<SettingWritten> {
  return recordToolSetting(ctx, { section: tool.id, aliases: [tool.id, tool.repo, ...tool.aliases], key: MIN_RELEASE_AGE_KEY, value: value.trim() });
}
