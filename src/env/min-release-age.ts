/**
 * Where a tool's release cooldown comes from, first that says one:
 *
 *   1. `--min-age` for this run (the caller passes it);
 *   2. the tool's own `[name]` section of the settings file;
 *   3. TOOL_MIN_RELEASE_AGE;
 *   4. the settings file's top level.
 *
 * The variable sits between the file's two levels so one shell or CI job can
 * change the fleet default, while a tool someone opted out (`[yt-dlp]
 * min-release-age = 0`) stays out.
 */
import { parseDuration } from '../core/duration.js';
import { ToolError } from '../core/errors.js';
import type { ReleaseAgePolicy } from '../core/release-age.js';
import { ownSetting, settingError, settingFor, type SettingEntry } from './settings-file.js';
import type { Settings } from './settings.js';

export const MIN_RELEASE_AGE_KEY = 'min-release-age';
export const MIN_AGE_VALUES = '0 (off), 30m, 12h, 3d or 2w';

/** "0" (off) or a duration: seconds; undefined when the text is neither. */
export function parseMinAge(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^0+[smhdw]?$/i.test(trimmed)) return 0;
  try {
    return parseDuration(trimmed);
  } catch {
    return undefined;
  }
}

function fromEntry(entry: SettingEntry): ReleaseAgePolicy {
  const seconds = parseMinAge(entry.value);
  if (seconds === undefined) throw settingError(entry, `min-release-age "${entry.value}" is not a duration`, `Write ${MIN_AGE_VALUES}`);
  return { seconds, setBy: `${entry.path} line ${entry.line}` };
}

function fromEnv(text: string): ReleaseAgePolicy {
  const seconds = parseMinAge(text);
  if (seconds === undefined) {
    throw new ToolError('TOOL_BAD_SETTING', `TOOL_MIN_RELEASE_AGE="${text}" is not a duration`, { hint: `Unset it or give ${MIN_AGE_VALUES}` });
  }
  return { seconds, setBy: 'TOOL_MIN_RELEASE_AGE' };
}

/** A `--min-age` value typed for one command. */
export function minAgeOption(text: string): ReleaseAgePolicy {
  const seconds = parseMinAge(text);
  if (seconds === undefined) throw new ToolError('TOOL_USAGE', `--min-age "${text}" is not a duration`, { hint: `Give ${MIN_AGE_VALUES}` });
  return { seconds, setBy: '--min-age' };
}

/** Checks every `min-release-age` line and TOOL_MIN_RELEASE_AGE (readSettings, at start-up). */
export function checkMinReleaseAges(settings: Pick<Settings, 'file' | 'env'>): void {
  for (const entry of settings.file.entries) if (entry.key === MIN_RELEASE_AGE_KEY) fromEntry(entry);
  const env = settings.env.TOOL_MIN_RELEASE_AGE;
  if (env !== undefined && env.trim() !== '') fromEnv(env);
}

/**
 * The cooldown for a tool known by `names` (its name, owner/repo and
 * executables; any letter case); undefined when none is set.
 */
export function minReleaseAgeFor(settings: Pick<Settings, 'file' | 'env'>, names: readonly string[]): ReleaseAgePolicy | undefined {
  // A bad line anywhere is reported whichever tool asks, also for Settings made without readSettings.
  checkMinReleaseAges(settings);
  const own = ownSetting(settings.file, MIN_RELEASE_AGE_KEY, names);
  if (own) return fromEntry(own);
  const env = settings.env.TOOL_MIN_RELEASE_AGE;
  if (env !== undefined && env.trim() !== '') return fromEnv(env);
  const top = settingFor(settings.file, MIN_RELEASE_AGE_KEY);
  return top ? fromEntry(top) : undefined;
}
