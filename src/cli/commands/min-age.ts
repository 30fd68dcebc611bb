/** `--min-age <duration>`: the release cooldown for every tool in this one command, over the settings file and TOOL_MIN_RELEASE_AGE. */
import type { AppContext } from '../../app/context.js';
import { minAgeOption } from '../../env/min-release-age.js';

/** Checked before any work, so a typo costs nothing. */
export function withMinAge<T extends AppContext>(ctx: T, text: string | undefined): T {
  if (text !== undefined) ctx.minReleaseAge = minAgeOption(text);
  return ctx;
}
