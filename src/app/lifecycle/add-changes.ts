/**
 * What `tool add` changed about a tool that was already added, in words, so a
 * re-add never moves a version, a followed spec or a hold without saying so
 * ("2.0.0 → 3.1.0; now follows latest instead of 2; hold released"). Pure.
 */

/** The parts of a tool's setup an add can change. */
export interface AddedSetup {
  /** The globally selected version (undefined: none yet). */
  version: string | undefined;
  follow: string;
  held: boolean;
  selfUpdate: boolean;
  autoUpdateSeconds: number | undefined;
}

export function describeAddChanges(before: AddedSetup | undefined, after: AddedSetup): string[] {
  if (!before) return [];
  const changes: string[] = [];
  if (before.version !== after.version) changes.push(before.version ? `${before.version} → ${after.version}` : `selected ${after.version} globally`);
  if (before.follow !== after.follow) changes.push(`now follows ${after.follow} instead of ${before.follow}`);
  if (before.held && !after.held) changes.push('hold released');
  if (before.selfUpdate !== after.selfUpdate) changes.push(after.selfUpdate ? 'now updates itself (live copy)' : 'no longer updates itself');
  if (before.autoUpdateSeconds !== after.autoUpdateSeconds && after.autoUpdateSeconds) changes.push('background checks set');
  return changes;
}

/** True when an add names nothing to change: no version and no option. */
export function asksForNoChange(spec: string | undefined, options: { assetGlob?: string; selfUpdate?: boolean; autoUpdateSeconds?: number; minAge?: string }): boolean {
  return spec === undefined && !options.assetGlob && options.selfUpdate === undefined && !options.autoUpdateSeconds && options.minAge === undefined;
}
