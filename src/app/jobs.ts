/** How many tools an install, sync or outdated check works on at once. */
import { ToolError } from '../core/errors.js';
import type { Settings } from '../env/settings.js';

/**
 * Enough to hide request latency and overlap downloads with extraction, few
 * enough that GitHub's secondary rate limit (too many requests at once) and a
 * small machine's disk and CPU are not swamped.
 */
export const DEFAULT_JOBS = 6;
const MAX_JOBS = 32;

/** TOOL_JOBS, else DEFAULT_JOBS; TOOL_JOBS=1 works on one tool at a time. */
export function jobLimit(settings: Pick<Settings, 'env'>): number {
  const text = settings.env.TOOL_JOBS;
  if (text === undefined || text === '') return DEFAULT_JOBS;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > MAX_JOBS) {
    throw new ToolError('TOOL_BAD_SETTING', `TOOL_JOBS="${text}" is not a whole number from 1 to ${MAX_JOBS}`, {
      hint: `Unset TOOL_JOBS for the default (${DEFAULT_JOBS}), or set TOOL_JOBS=1 to work on one tool at a time`,
    });
  }
  return value;
}
