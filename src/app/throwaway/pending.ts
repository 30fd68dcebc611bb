/**
 * The ephemeral versions still in the store and when each expires, for
 * `tool list` and `tool prune`; and the check made at the start of every
 * management command, which loads the sweep only when one has expired.
 */
import { expiresAt, listEphemeral, readEphemeralDetails, type EphemeralUse } from '../../store/ephemeral.js';
import type { AppContext } from '../context.js';

export interface PendingEphemeral {
  tool: string;
  version: string;
  expiresAt: Date;
  /** The command that installed it; undefined when its marker is unreadable. */
  by: EphemeralUse | undefined;
}

/** Every ephemeral version with its expiry, expired or not (the sweep may not have run yet). */
export async function pendingEphemeral(ctx: AppContext): Promise<PendingEphemeral[]> {
  const ttl = ctx.settings.ephemeralTtlSeconds;
  return Promise.all(
    (await listEphemeral(ctx.layout)).map(async (marker) => ({
      tool: marker.tool,
      version: marker.version,
      expiresAt: expiresAt(marker, ttl),
      by: (await readEphemeralDetails(ctx.layout, marker.tool, marker.version))?.by,
    })),
  );
}

/** "2025-01-08 14:03 UTC": minutes are enough for a lifetime counted in days. */
export function formatExpiry(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "ephemeral (tool x), expires 2025-01-08 14:03 UTC". */
export function describePending(pending: PendingEphemeral): string {
  return `ephemeral${pending.by ? ` (tool ${pending.by})` : ''}, expires ${formatExpiry(pending.expiresAt)} unless used again`;
}

/**
 * Cheap enough for every management command: one readdir (nothing there on
 * most machines) and a stat per marker. Only when a version has expired is the
 * sweep loaded; what it did is logged, and a sweep that cannot finish (a tool's
 * lock held for long) never fails the command the user asked for.
 */
export async function sweepIfDue(ctx: AppContext): Promise<void> {
  const now = ctx.now().getTime();
  const markers = await listEphemeral(ctx.layout).catch(() => []);
  if (!markers.some((marker) => expiresAt(marker, ctx.settings.ephemeralTtlSeconds).getTime() <= now)) return;
  try {
    const { sweepExpired } = await import('./sweep.js');
    for (const decision of await sweepExpired(ctx, { dryRun: false })) {
      ctx.log(`${decision.removed ? 'removed' : 'kept'} ${decision.tool} ${decision.version}: ${decision.reasons.join('; ')}`);
    }
  } catch (error) {
    ctx.log(`warning: expired ephemeral versions were not removed this time: ${(error as Error).message}`);
  }
}
