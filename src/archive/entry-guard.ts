/**
 * Per-archive bookkeeping that safe-path's pure checks need: which paths are
 * already symlinks (nothing may be written through them), which are regular
 * files (the only valid hard link targets), and the mode each entry gets.
 * A backend calls admit() for every entry before writing it, and finish()
 * once everything is on disk.
 */
import { unsafeEntry } from './archive-errors.js';
import { assertLinksInside, checkLinkTarget, entrySegments, foldPath, nameProblem } from './safe-path.js';
import type { UnpackBudget } from './unpack-budget.js';

export interface ExtractedFile {
  /** POSIX path relative to the extraction directory. */
  path: string;
  mode: number;
  type: 'file' | 'dir' | 'symlink';
  /** SHA-256 of the bytes written, where the backend hashed them as they streamed (tar). */
  sha256?: string;
}

/** What a backend knows about an entry from its header, before writing anything. */
export interface EntryHeader {
  name: string;
  /** 'file' | 'dir' | 'symlink' | 'hardlink', or the format's own name for anything else (e.g. 'FIFO'). */
  type: string;
  /** Permission bits from the header; only the executable bits are kept. */
  mode?: number | undefined;
  /** Symlink target, or for hard links the name of an earlier entry. */
  linkTarget?: string | undefined;
}

export interface Admitted {
  path: string;
  mode: number;
}

export class EntryGuard {
  readonly #archive: string;
  readonly #allowDuplicates: boolean;
  readonly #budget: UnpackBudget | undefined;
  readonly #entries = new Map<string, ExtractedFile>();
  readonly #links = new Map<string, string>();
  /** foldPath(path) → the first path seen with that key. */
  readonly #folded = new Map<string, string>();

  /**
   * Tar archives may repeat a path (later wins); zip archives may not. The
   * budget counts every entry and every parent directory created for one.
   */
  constructor(archive: string, options: { allowDuplicates: boolean; budget?: UnpackBudget }) {
    this.#archive = archive;
    this.#allowDuplicates = options.allowDuplicates;
    this.#budget = options.budget;
  }

  /**
   * Validates one entry and records it. Returns the normalised path and the
   * mode to create it with, or undefined for an entry naming the extraction
   * directory itself ("./"), which is skipped. Throws TOOL_UNSAFE_ARCHIVE, or
   * TOOL_ARCHIVE_LIMIT past the entry limit.
   */
  admit(header: EntryHeader): Admitted | undefined {
    const { name, type } = header;
    // Counted even when skipped: a million "./" entries cost time, if not disk.
    this.#budget?.addEntry();
    const segments = entrySegments(name, this.#archive);
    if (type !== 'file' && type !== 'dir' && type !== 'symlink' && type !== 'hardlink') {
      throw this.#unsafe(name, `is a ${type} entry; only files, directories and links are extracted`);
    }
    if (segments.length === 0) {
      if (type === 'dir') return undefined;
      throw this.#unsafe(name, 'would replace the extraction directory itself');
    }
    this.#checkParents(segments, name);
    const path = segments.join('/');
    let mode = type === 'dir' ? 0o755 : (header.mode ?? 0) & 0o111 ? 0o755 : 0o644;
    if (type === 'symlink') {
      checkLinkTarget(segments, header.linkTarget ?? '', this.#archive);
      mode = 0o777;
    }
    if (type === 'hardlink') mode = this.#hardLinkTarget(name, header.linkTarget ?? '').mode;
    const kind = type === 'hardlink' ? 'file' : type;
    this.#checkRepeat(path, kind, name);
    this.#record({ path, mode, type: kind });
    if (kind === 'symlink') this.#links.set(path, header.linkTarget ?? '');
    else this.#links.delete(path);
    return { path, mode };
  }

  /** Checks that no symlink chain leads outside, and lists what was extracted (implicit parent directories included). */
  finish(): ExtractedFile[] {
    assertLinksInside(this.#links, this.#archive);
    return [...this.#entries.values()];
  }

  /** Parents must be directories: writing through a symlink (`a -> /tmp` then `a/x`) or into a file is refused. */
  #checkParents(segments: readonly string[], name: string): void {
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join('/');
      const existing = this.#entries.get(parent) ?? this.#symlinkTwin(parent);
      if (existing === undefined) {
        this.#budget?.addEntry();
        this.#record({ path: parent, mode: 0o755, type: 'dir' });
      } else if (existing.type !== 'dir') {
        throw this.#unsafe(name, `would be written through the ${existing.type} ${JSON.stringify(existing.path)}`);
      }
    }
  }

  #record(file: ExtractedFile): void {
    this.#entries.set(file.path, file);
    const key = foldPath(file.path);
    if (!this.#folded.has(key)) this.#folded.set(key, file.path);
  }

  /**
   * A symlink whose name differs from `path` only in case or Unicode form: on
   * macOS or Windows the two are one file, so writing to `path` goes through it.
   */
  #symlinkTwin(path: string): ExtractedFile | undefined {
    const twin = this.#folded.get(foldPath(path));
    const entry = twin === undefined || twin === path ? undefined : this.#entries.get(twin);
    return entry?.type === 'symlink' ? entry : undefined;
  }

  #checkRepeat(path: string, kind: ExtractedFile['type'], name: string): void {
    const twin = this.#folded.get(foldPath(path));
    if (twin !== undefined && twin !== path && (kind === 'symlink' || this.#symlinkTwin(path))) {
      throw this.#unsafe(name, `differs only in case or Unicode form from ${JSON.stringify(twin)}, and one of them is a symlink`);
    }
    const previous = this.#entries.get(path);
    if (previous === undefined) return;
    if (previous.type !== kind) throw this.#unsafe(name, `appears twice, as a ${previous.type} and as a ${kind}`);
    if (kind !== 'dir' && !this.#allowDuplicates) throw this.#unsafe(name, 'appears more than once');
  }

  /** A hard link may only point at a regular file this archive already extracted. */
  #hardLinkTarget(name: string, target: string): ExtractedFile {
    const problem = nameProblem(target);
    if (problem !== undefined) throw this.#unsafe(name, `is a hard link to ${JSON.stringify(target)}, which ${problem}`);
    const path = entrySegments(target, this.#archive).join('/');
    const existing = this.#entries.get(path);
    if (existing?.type !== 'file') {
      throw this.#unsafe(name, `is a hard link to ${JSON.stringify(target)}, which is not a file extracted earlier from this archive`);
    }
    return existing;
  }

  #unsafe(name: string, problem: string): Error {
    return unsafeEntry(this.#archive, name, problem);
  }
}
