/**
 * Download speed and time left, for the progress lines. Pure: the clock is
 * passed in, so tests drive it. The speed is the average since a download's
 * first event: steadier than the last chunk's, and honest about a stall.
 */
import type { ProgressEvent } from '../app/context.js';

/** Too early for a speed worth showing: the first chunks arrive in bursts. */
const SETTLE_MS = 500;

export interface Rate {
  bytesPerSecond: number;
}

/** Tracks each download (by label) and answers its speed so far, or undefined while it is too early to tell. */
export function speedometer(now: () => number): (event: ProgressEvent) => Rate | undefined {
  const starts = new Map<string, { at: number; received: number }>();
  return (event) => {
    const start = starts.get(event.label);
    if (event.done) {
      starts.delete(event.label);
      return undefined;
    }
    if (!start) {
      starts.set(event.label, { at: now(), received: event.received });
      return undefined;
    }
    const elapsed = now() - start.at;
    if (elapsed < SETTLE_MS) return undefined;
    return { bytesPerSecond: ((event.received - start.received) * 1000) / elapsed };
  };
}

const KB = 1024;
const MB = KB * 1024;

/** "850 kB/s", "2.4 MB/s". */
export function formatSpeed(bytesPerSecond: number): string {
  if (bytesPerSecond >= MB) return `${(bytesPerSecond / MB).toFixed(1)} MB/s`;
  return `${Math.max(0, Math.round(bytesPerSecond / KB))} kB/s`;
}

/** "7s", "2m 05s", "1h 03m"; rounded up, so it never says 0s while bytes remain. */
export function formatTimeLeft(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** "  2.4 MB/s  12s left", "  0 kB/s" (stalled: no guess), or "" without a rate. */
export function rateText(rate: Rate | undefined, remaining: number | undefined): string {
  if (!rate) return '';
  const speed = `  ${formatSpeed(rate.bytesPerSecond)}`;
  if (remaining === undefined || rate.bytesPerSecond < 1) return speed;
  return `${speed}  ${formatTimeLeft(remaining / rate.bytesPerSecond)} left`;
}
