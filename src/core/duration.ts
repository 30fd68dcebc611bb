/** "6h", "30m", "1d", "90s" → seconds; pure. */
import { ToolError } from './errors.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

export function parseDuration(text: string): number {
  const match = /^(\d+)\s*([smhdw])$/i.exec(text.trim());
  const seconds = match ? Number(match[1]) * UNITS[match[2]!.toLowerCase()]! : NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new ToolError('TOOL_USAGE', `"${text}" is not a duration`, { hint: 'Use a number and a unit: 30m, 6h, 1d, 1w' });
  }
  return seconds;
}

/** Seconds → the largest unit that divides them: 604800 → "1w", 259200 → "3d", 5400 → "90m", 0 → "0s". */
export function formatDuration(seconds: number): string {
  const unit = Object.entries(UNITS).reverse().find(([, size]) => seconds >= size && seconds % size === 0);
  return unit ? `${seconds / unit[1]}${unit[0]}` : `${seconds}s`;
}
