/**
 * Go (RE2) regular expressions as JavaScript RegExps, for `matches` in
 * expressions and sprig's `regexFind` in templates. The registry only writes
 * the syntax both engines share; the few Go-only spellings are translated and
 * anything else is refused by name rather than silently read differently.
 */
import { AquaEvalError, AquaUnsupportedError } from './errors.js';

const cache = new Map<string, RegExp>();

function translate(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = '';
  // Go allows leading inline flags; JavaScript takes them as RegExp flags.
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline) {
    flags = inline[1]!;
    source = source.slice(inline[0].length);
  }
  if (/\(\?[a-zA-Z-]+[):]|\\[QEpPC]|\[\[:/.test(source.replace(/\(\?P</g, ''))) {
    throw new AquaUnsupportedError(`Go regular expression syntax in ${JSON.stringify(pattern)}`);
  }
  // Named groups: Go's (?P<name>…) is JavaScript's (?<name>…); \A and \z are the ends of the text.
  source = source.replace(/\(\?P</g, '(?<').replace(/\\A/g, '(?<![\\s\\S])').replace(/\\z/g, '(?![\\s\\S])');
  return { source, flags };
}

/** Compiles a Go regular expression (unanchored, like regexp.MatchString). */
export function goRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const { source, flags } = translate(pattern);
  let compiled: RegExp;
  try {
    compiled = new RegExp(source, flags);
  } catch (error) {
    throw new AquaEvalError(`invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
  cache.set(pattern, compiled);
  return compiled;
}
