/**
 * Ranking search hits from every registry: an exact name first, then names
 * that start with the query, names that contain it, executables, and words of
 * the description; a name one typo away still counts (fuzzy). Pure.
 */
import { editDistance } from './did-you-mean.js';

export interface Searchable {
  name: string;
  /** The short name users type: "lazygit" for jesseduffield/lazygit. */
  short: string;
  exes: readonly string[];
  description: string;
}

/** Lower is better; undefined when the item does not match every word. */
export function rankOf(item: Searchable, words: readonly string[]): number | undefined {
  let total = 0;
  for (const word of words) {
    const rank = wordRank(item, word);
    if (rank === undefined) return undefined;
    total += rank;
  }
  return total;
}

function wordRank(item: Searchable, word: string): number | undefined {
  const short = item.short.toLowerCase();
  const name = item.name.toLowerCase();
  if (short === word || name === word) return 0;
  if (short.startsWith(word)) return 1;
  if (name.includes(word)) return 2;
  if (item.exes.some((exe) => exe.toLowerCase() === word)) return 2;
  if (word.length >= 4 && editDistance(short, word) <= Math.max(1, Math.floor(word.length / 4))) return 3;
  if (item.description.toLowerCase().includes(word)) return 4;
  return undefined;
}
