/**
 * The one chokepoint for archive entry names and link targets. Every backend
 * (tar, zip, single file) passes each name through here before anything is
 * written. A bad name is a hard TOOL_UNSAFE_ARCHIVE failure: we never strip a
 * leading "/" or a ".." and carry on the way node-tar does by default.
 *
 * Paths are handled as arrays of POSIX segments relative to the extraction
 * directory; [] is the extraction directory itself.
 */
import { unsafeEntry } from './archive-errors.js';

/** Symlink hops allowed while resolving a chain, like the kernel's MAXSYMLINKS. */
const maxHops = 40;

/**
 * Why a name (entry path or link target) is unsafe, or undefined when it is fine.
 * Symlink targets may use ".." (bin/rg -> ../lib/rg is common); checkLinkTarget
 * then makes sure they stay inside.
 */
export function nameProblem(name: string, allowDotDot = false): string | undefined {
  if (name.includes('\0')) return 'contains a NUL byte';
  if (name.includes('\\')) return 'contains a backslash, which Windows reads as a path separator';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  if (!allowDotDot && name.split('/').includes('..')) return 'has a ".." segment, which could escape the extraction directory';
  return undefined;
}

/** The segments of an entry name ('' and '.' dropped); throws TOOL_UNSAFE_ARCHIVE for a bad name. */
export function entrySegments(name: string, archive: string): string[] {
  const problem = nameProblem(name);
  if (problem !== undefined) throw unsafeEntry(archive, name, problem);
  return name.split('/').filter((segment) => segment !== '' && segment !== '.');
}

/** A name that must be one plain file name (single-file assets): no directories at all. */
export function plainFileName(name: string, archive: string): string {
  const segments = entrySegments(name, archive);
  if (segments.length !== 1 || segments[0] !== name) {
    throw unsafeEntry(archive, name, 'is not a plain file name');
  }
  return name;
}

/**
 * Checks a symlink's target on its own, before the link is created: it must be
 * relative and, read lexically from the link's directory, stay inside.
 * Chains through other links are checked once all links exist (assertLinksInside).
 */
export function checkLinkTarget(linkSegments: readonly string[], target: string, archive: string): void {
  const entry = linkSegments.join('/');
  if (target === '') throw unsafeEntry(archive, entry, 'is a symlink with an empty target');
  const problem = nameProblem(target, true);
  if (problem !== undefined) {
    throw unsafeEntry(archive, entry, `is a symlink to ${JSON.stringify(target)}, which ${problem}`);
  }
  const here = linkSegments.slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..' && here.pop() === undefined) {
      throw unsafeEntry(archive, entry, `is a symlink to ${JSON.stringify(target)}, outside the extraction directory`);
    }
    if (segment !== '..' && segment !== '' && segment !== '.') here.push(segment);
  }
}

/**
 * The key two paths share when a case-insensitive or normalising file system
 * (macOS, Windows) would make them the same file: "A/x" and "a/x" collide there.
 */
export function foldPath(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/**
 * Follows every symlink in `links` (entry path → raw target), through any other
 * links of the same archive, and throws when one leads outside the extraction
 * directory or loops. Needed because `a -> b/..` looks harmless on its own but
 * escapes when `b` is itself a link to "..". Pure: it reads no file system, which
 * is enough because the directory started empty and nothing was written through
 * a link, so these are all the links there are. Lookups use foldPath, so "B/.."
 * still counts as going through the link "b".
 */
export function assertLinksInside(links: ReadonlyMap<string, string>, archive: string): void {
  const folded = new Map([...links].map(([path, target]) => [foldPath(path), target]));
  for (const [link, target] of links) {
    const here = link.split('/').slice(0, -1);
    let pending = target.split('/');
    let hops = 0;
    while (pending.length > 0) {
      const segment = pending.shift() as string;
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (here.pop() === undefined) {
          throw unsafeEntry(archive, link, 'is a symlink that leads outside the extraction directory through other symlinks');
        }
        continue;
      }
      here.push(segment);
      const next = folded.get(foldPath(here.join('/')));
      if (next === undefined) continue;
      if (++hops > maxHops) throw unsafeEntry(archive, link, 'is a symlink in a loop of symlinks');
      here.pop();
      pending = [...next.split('/'), ...pending];
    }
  }
}
