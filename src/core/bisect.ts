/**
 * The search behind `tool bisect`, pure: versions in ascending order, the first
 * known good and the last known bad at the two ends. Each verdict halves the
 * range between the last good and the first bad; a skipped version (exit 125,
 * as in `git bisect run`) is replaced by its nearest untested neighbour, so a
 * skip costs one more step, not the search.
 */

export type Verdict = 'good' | 'bad' | 'skip';

export interface BisectState {
  /** Ascending: versions[0] is the good end, versions[length - 1] the bad end. */
  versions: readonly string[];
  /** Index of the newest version known good. */
  good: number;
  /** Index of the oldest version known bad. */
  bad: number;
  skipped: ReadonlySet<number>;
}

export interface BisectOutcome {
  lastGood: string;
  firstBad: string;
  /** Skipped versions between the two: when any, the first bad one may be any of them or firstBad. */
  untested: string[];
}

export function startBisect(versions: readonly string[]): BisectState {
  return { versions, good: 0, bad: versions.length - 1, skipped: new Set() };
}

/** The index to test next, or undefined when the range holds no untested version. */
export function nextCandidate(state: BisectState): number | undefined {
  const middle = Math.floor((state.good + state.bad) / 2);
  for (let distance = 0; distance < state.bad - state.good; distance++) {
    for (const index of [middle + distance, middle - distance]) {
      if (index > state.good && index < state.bad && !state.skipped.has(index)) return index;
    }
  }
  return undefined;
}

export function recordVerdict(state: BisectState, index: number, verdict: Verdict): BisectState {
  if (verdict === 'good') return { ...state, good: Math.max(state.good, index) };
  if (verdict === 'bad') return { ...state, bad: Math.min(state.bad, index) };
  return { ...state, skipped: new Set([...state.skipped, index]) };
}

export function bisectOutcome(state: BisectState): BisectOutcome {
  const untested = state.versions.slice(state.good + 1, state.bad);
  return { lastGood: state.versions[state.good]!, firstBad: state.versions[state.bad]!, untested };
}

/** git bisect run's reading of a check's exit status: 0 good, 125 skip, anything else bad. */
export function verdictOf(code: number | null): Verdict {
  if (code === 0) return 'good';
  if (code === 125) return 'skip';
  return 'bad';
}
