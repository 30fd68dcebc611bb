/**
 * "Did you mean ripgrep?": the known names closest to what was typed, by edit
 * distance with transpositions ("ripgrap", "rigprep"), close enough to be a
 * typo of it. Pure; callers gather names from every registry and added tool.
 */

export interface NameCandidate {
  /** What the user could type instead. */
  name: string;
  /** How to show it: "ripgrep (BurntSushi/ripgrep)". */
  label: string;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** A typo is at most one edit in four characters (at least one, at most three). */
function tolerance(typed: string): number {
  return Math.min(3, Math.max(1, Math.floor(typed.length / 4)));
}

export function suggestNames(typed: string, candidates: Iterable<NameCandidate>, max = 3): string[] {
  const lower = typed.toLowerCase();
  const scored = new Map<string, number>();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.name.toLowerCase());
    if (distance === 0 || distance > tolerance(lower)) continue;
    const known = scored.get(candidate.label);
    if (known === undefined || distance < known) scored.set(candidate.label, distance);
  }
  return [...scored].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, max).map(([label]) => label);
}

/** "Did you mean ripgrep (BurntSushi/ripgrep)?" or "Did you mean a, b or c?" */
export function didYouMean(suggestions: readonly string[]): string | undefined {
  if (suggestions.length === 0) return undefined;
  const list = suggestions.length === 1 ? suggestions[0]! : `${suggestions.slice(0, -1).join(', ')} or ${suggestions.at(-1)!}`;
  return `Did you mean ${list}?`;
}
