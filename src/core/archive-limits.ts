/**
 * How far one archive may expand before extraction stops: the defence against
 * decompression bombs, which would otherwise fill the disk long before the
 * download's hash is compared. Settings (env/archive-limit-settings.ts) override
 * the defaults; archive/unpack-budget.ts enforces them. Pure.
 */

export interface ArchiveLimits {
  /** Bytes the decoder may produce, counted as they are produced (never taken from headers alone). */
  maxUnpackedBytes: number;
  /** Files, directories and links created, implicit parent directories included. */
  maxEntries: number;
  /** Unpacked bytes per compressed byte, judged once ratioFloorBytes have been unpacked. */
  maxRatio: number;
  /** Below this the ratio is not judged: a small run of zeros is harmless. Not a setting; tests lower it. */
  ratioFloorBytes: number;
}

/** The environment variable that raises each limit; every limit error names it. */
export const limitSettings = {
  maxUnpackedBytes: 'TOOL_MAX_UNPACKED_BYTES',
  maxEntries: 'TOOL_MAX_ENTRIES',
  maxRatio: 'TOOL_MAX_COMPRESSION_RATIO',
} as const;

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

/**
 * Sized from the largest things people install from GitHub releases, with room to spare:
 * - Single-binary CLIs (registry/: deno, bun, rclone, golangci-lint, uv) unpack to tens of
 *   MB up to about 150 MB; the biggest install in our benchmark is 195 MB.
 * - Toolchains are the big ones: Zig unpacks to about 300-400 MB in 15-20 thousand files
 *   (its lib/ carries libc headers for every target); Go and Node are about 250 MB in
 *   6-13 thousand files.
 * So 4 GiB is ten times the largest toolchain and still a small part of a disk, and
 * 100 000 entries is five times Zig. Only full LLVM distributions (several GB) need
 * TOOL_MAX_UNPACKED_BYTES raised.
 * Ratio: real archives shrink binaries 2-4 times with gzip and about 10 times at most
 * with xz on header-heavy toolchains; a bomb made of zeros is at least 1000 times
 * (gzip's ceiling is 1032), and xz, bzip2 and zstd go far beyond. 200 leaves real archives
 * twenty times of headroom. It is judged only past 64 MiB, against the compressed bytes
 * the decoder has decoded, so a bomb is stopped having written little more than that.
 */
export const defaultArchiveLimits: Readonly<ArchiveLimits> = {
  maxUnpackedBytes: 4 * GiB,
  maxEntries: 100_000,
  maxRatio: 200,
  ratioFloorBytes: 64 * MiB,
};
