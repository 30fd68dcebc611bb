/**
 * Zip entries must not share bytes. A zip's central directory says where each
 * entry's local header and data are; nothing stops two entries from pointing at
 * the same data, or one entry's data from containing the next entry's header.
 * David Fifield's "better zip bomb" (2019) does exactly that to make one
 * compressed kernel count once per entry: 46 MB that unpack to 4.5 PB. Refused
 * before anything is written, whatever the sizes say. Pure.
 */
import { unsafeEntry } from './archive-errors.js';

export interface ZipSpan {
  name: string;
  /** Offset of the local file header. */
  start: number;
  /** One past the entry's last compressed byte. */
  end: number;
}

/** Throws TOOL_UNSAFE_ARCHIVE naming two entries whose spans overlap. */
export function assertNoOverlap(spans: readonly ZipSpan[], archive: string): void {
  const ordered = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  let reach: ZipSpan | undefined;
  for (const span of ordered) {
    if (reach !== undefined && span.start < reach.end) {
      throw unsafeEntry(
        archive,
        span.name,
        `overlaps the entry ${JSON.stringify(reach.name)} in the file; entries that share compressed bytes are how zip bombs multiply their size`,
      );
    }
    if (reach === undefined || span.end > reach.end) reach = span;
  }
}
