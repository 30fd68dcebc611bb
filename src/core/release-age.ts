/**
 * The release cooldown: a release must be at least a minimum age before `tool`
 * chooses it by itself (`latest`, a range or prefix, `update`). A compromised
 * release is usually found and pulled within hours or days; waiting that long
 * means never being the first to run it. An exact version the user typed is
 * never held back: that is their choice, not ours.
 *
 * Pure: the caller passes the releases with their publication times, the time
 * now and the policy; this decides which one is chosen and what waits until when.
 */
import { formatDuration } from './duration.js';
import { pickVersion, specMatches, type VersionSpec } from './spec.js';
import { compareVersions } from './version.js';

export interface ReleaseAgePolicy {
  /** Minimum age in seconds; 0 turns the cooldown off. */
  seconds: number;
  /** Where it was set, named in messages: "/home/a/.config/tool/settings line 2", "TOOL_MIN_RELEASE_AGE", "--min-age". */
  setBy: string;
}

export interface DatedVersion {
  version: string;
  /** GitHub's published_at; null when unknown (never for a published release). */
  publishedAt: string | null;
}

export interface HeldBack {
  version: string;
  publishedAt: string;
  /** When it reaches the minimum age. */
  eligibleAt: string;
}

export interface AgeChoice {
  /** The version the spec picks among releases old enough; undefined when none is. */
  version: string | undefined;
  /** The newest matching release, newer than `version`, that is still too young. */
  heldBack: HeldBack | undefined;
  /** When nothing is old enough: the matching release that becomes eligible first. */
  soonest: HeldBack | undefined;
}

/** A full version (14.1.0, 2024.08.06) is what the user chose; a prefix, range or `latest` leaves the choice to us. */
export function isExactSpec(spec: VersionSpec): boolean {
  return spec.kind === 'version' && spec.version.parts.length >= 3;
}

export function cooldownApplies(spec: VersionSpec, policy: ReleaseAgePolicy | undefined): policy is ReleaseAgePolicy {
  return policy !== undefined && policy.seconds > 0 && !isExactSpec(spec);
}

/**
 * A release whose date cannot be read is not held back: there is no time to
 * name in "eligible in …", and GitHub dates every published release.
 */
export function youngRelease(dated: DatedVersion, now: Date, policy: ReleaseAgePolicy): HeldBack | undefined {
  const published = dated.publishedAt === null ? NaN : Date.parse(dated.publishedAt);
  if (Number.isNaN(published)) return undefined;
  const eligible = published + policy.seconds * 1000;
  if (eligible <= now.getTime()) return undefined;
  return { version: dated.version, publishedAt: new Date(published).toISOString(), eligibleAt: new Date(eligible).toISOString() };
}

function earliest(held: readonly HeldBack[]): HeldBack | undefined {
  return held.reduce<HeldBack | undefined>((best, item) => (best === undefined || item.eligibleAt < best.eligibleAt ? item : best), undefined);
}

/** Which release the spec picks once releases younger than the policy are set aside. */
export function chooseOldEnough(spec: VersionSpec, releases: readonly DatedVersion[], now: Date, policy: ReleaseAgePolicy): AgeChoice {
  const young = new Map<string, HeldBack>();
  const old: string[] = [];
  for (const release of releases) {
    const held = youngRelease(release, now, policy);
    if (held) young.set(release.version, held);
    else old.push(release.version);
  }
  const version = pickVersion(spec, old);
  const newestYoung = pickVersion(spec, young.keys());
  const heldBack = newestYoung !== undefined && (version === undefined || compareVersions(newestYoung, version) > 0) ? young.get(newestYoung) : undefined;
  const soonest = version === undefined ? earliest([...young.values()].filter((held) => specMatches(spec, held.version))) : undefined;
  return { version, heldBack, soonest };
}

/** Seconds in the unit a person would say: "45 min", "3 h", "10 d". `round` is floor for an age, ceil for a wait. */
export function formatAge(seconds: number, round: (value: number) => number = Math.floor): string {
  if (seconds < 90 * 60) return `${Math.max(1, round(seconds / 60))} min`;
  if (seconds < 48 * 3600) return `${round(seconds / 3600)} h`;
  return `${round(seconds / 86400)} d`;
}

/** "ripgrep 14.2.0 is 3 h old; eligible in 21 h (min-release-age 1d, /home/a/.config/tool/settings line 2)" */
export function heldBackText(name: string, held: HeldBack, now: Date, policy: ReleaseAgePolicy): string {
  const age = (now.getTime() - Date.parse(held.publishedAt)) / 1000;
  const wait = (Date.parse(held.eligibleAt) - now.getTime()) / 1000;
  return `${name} ${held.version} is ${formatAge(Math.max(0, age))} old; eligible in ${formatAge(wait, Math.ceil)} (min-release-age ${formatDuration(policy.seconds)}, ${policy.setBy})`;
}
