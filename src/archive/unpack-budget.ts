/**
 * Enforces ArchiveLimits on one extraction. Backends report what actually
 * happens (compressed bytes read, bytes the decoder produced, entries created)
 * and the first report past a limit throws TOOL_ARCHIVE_LIMIT, which stops the
 * stream. Headers may also be reported (expect) to refuse early what could
 * never fit, but only counted bytes are trusted: headers can lie.
 */
import { Transform } from 'node:stream';
import { defaultArchiveLimits, limitSettings, type ArchiveLimits } from '../core/archive-limits.js';
import { byteSizeSetting, formatByteSize } from '../core/byte-size.js';
import { limitCrossed } from './archive-errors.js';

export class UnpackBudget {
  readonly #archive: string;
  readonly #limits: ArchiveLimits;
  #packed = 0;
  #unpacked = 0;
  #declared = 0;
  #entries = 0;
  #decoded: (() => number) | undefined;

  /** `archive` is the describeArchive() text the errors name. */
  constructor(archive: string, limits: ArchiveLimits = defaultArchiveLimits) {
    this.#archive = archive;
    this.#limits = limits;
  }

  /** Compressed bytes handed to the decoder (only the ratio uses them). */
  addPacked(bytes: number): void {
    this.#packed += bytes;
  }

  /**
   * Where the decoder says how many compressed bytes it has really decoded: judged
   * against what it was handed, the ratio would let a bomb run on for as long as
   * its input sits in buffers (200 times 1 MiB of read-ahead is 200 MiB).
   */
  measureDecodedBy(decoded: () => number): void {
    this.#decoded = decoded;
  }

  /** Bytes the decoder produced; throws once they pass the byte limit or the ratio. */
  addUnpacked(bytes: number): void {
    this.#unpacked += bytes;
    if (this.#unpacked > this.#limits.maxUnpackedBytes) throw this.#tooBig(false);
    this.judgeRatio(this.#unpacked, this.#decoded?.() ?? this.#packed);
  }

  /** What headers promise (a tar entry's size, a zip's declared sizes): refused early when it cannot fit. */
  expect(bytes: number): void {
    this.#declared += bytes;
    if (this.#declared > this.#limits.maxUnpackedBytes) throw this.#tooBig(true);
  }

  /** One more file, directory or link on disk. */
  addEntry(): void {
    if (++this.#entries > this.#limits.maxEntries) throw this.#tooMany();
  }

  /** An entry count from headers (a zip's central directory): refused early when over the limit. */
  expectEntries(count: number): void {
    if (count > this.#limits.maxEntries) throw this.#tooMany();
  }

  /** Throws when `unpacked` bytes from `packed` is a bomb's expansion (only past the floor: small runs of zeros are common). */
  judgeRatio(unpacked: number, packed: number): void {
    const { maxRatio, ratioFloorBytes } = this.#limits;
    if (unpacked <= ratioFloorBytes || unpacked <= maxRatio * packed) return;
    const sizes = `${formatByteSize(unpacked)} from ${formatByteSize(packed)}`;
    throw limitCrossed(this.#archive, `expands more than ${maxRatio} times (${sizes}), which is how decompression bombs look`, {
      name: limitSettings.maxRatio,
      raisedTo: String(maxRatio * 10),
    });
  }

  /** A pass-through stream that counts what flows through it as unpacked bytes. */
  meter(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        try {
          this.addUnpacked(chunk.length);
        } catch (error) {
          done(error as Error);
          return;
        }
        done(null, chunk);
      },
    });
  }

  #tooMany(): Error {
    const max = this.#limits.maxEntries;
    return limitCrossed(this.#archive, `has more than ${max} files, directories and links`, {
      name: limitSettings.maxEntries,
      raisedTo: String(max * 2),
    });
  }

  #tooBig(declared: boolean): Error {
    const max = this.#limits.maxUnpackedBytes;
    const size = formatByteSize(max);
    const problem = declared ? `declares more than ${size} of contents in its headers` : `unpacks to more than ${size}`;
    return limitCrossed(this.#archive, problem, {
      name: limitSettings.maxUnpackedBytes,
      raisedTo: byteSizeSetting(max * 2),
    });
  }
}
