/**
 * Hostile releases for end-to-end runs through the real CLI: each case is one
 * asset the heuristic picks for linux/x64, the settings the run uses, and what
 * its one error line must say. Two scales from the same builders:
 * - 'quick' (npm test): small bombs against low limits set in the environment,
 *   each refused in well under a second;
 * - 'full' (npm run faults): real sizes against the default limits, e.g. a
 *   million-entry tar, 5 GiB of zeros as gzip, xz, zstd and bzip2, and a
 *   thousand-entry Fifield zip. Building all of them takes a few seconds.
 * Every asset's digest is honest: the limits, not the hash, must stop them.
 */
import { makeLyingTarGz, makeManyEntriesTarGz, makeZerosBomb, MiB, type BombCodec } from './bombs.js';
import type { FakeAsset } from './release-server.js';
import { makeZipFlatBomb, makeZipOverlapBomb } from './zip-bombs.js';

export type BombScale = 'quick' | 'full';

export interface BombCase {
  /** The attack, as a test name. */
  attack: string;
  /** The asset for version `version`; its name ends with the archive kind. */
  asset(version: string): FakeAsset;
  /** Settings for the run (low limits at the quick scale). */
  env: Record<string, string>;
  code: 'TOOL_ARCHIVE_LIMIT' | 'TOOL_UNSAFE_ARCHIVE';
  /** Fragments the error line must contain. */
  says: string[];
}

const GiB = 1024 * MiB;

function named(extension: string, body: () => Buffer): (version: string) => FakeAsset {
  return (version) => ({ name: `widget_${version}_linux_amd64.${extension}`, body: body(), digest: true });
}

/** At the quick scale the byte limit is 8 MiB; at full scale the ratio stops zeros at 64 MiB, long before 4 GiB. */
function zeros(scale: BombScale, codec: BombCodec, extension: string): BombCase {
  const quick = scale === 'quick';
  return {
    attack: `${codec} bomb (.${extension}): ${quick ? '64 MiB' : '5 GiB'} of zeros`,
    asset: named(extension, () => makeZerosBomb(codec, quick ? 64 : 5 * 1024)),
    env: quick ? { TOOL_MAX_UNPACKED_BYTES: '8M' } : {},
    code: 'TOOL_ARCHIVE_LIMIT',
    says: quick ? ['unpacks to more than 8 MiB', 'TOOL_MAX_UNPACKED_BYTES=16M'] : ['expands more than 200 times', 'TOOL_MAX_COMPRESSION_RATIO'],
  };
}

export function bombCases(scale: BombScale): BombCase[] {
  const quick = scale === 'quick';
  const entries = quick ? 1000 : 1_000_000;
  return [
    zeros(scale, 'gzip', 'gz'),
    zeros(scale, 'xz', 'xz'),
    zeros(scale, 'zstd', 'zst'),
    zeros(scale, 'bzip2', 'bz2'),
    {
      attack: `tar.gz whose header says 1 KiB, followed by ${quick ? '64 MiB' : '5 GiB'} of zeros`,
      asset: named('tar.gz', () => makeLyingTarGz('understated', 1024, quick ? 64 : 5 * 1024)),
      env: quick ? { TOOL_MAX_UNPACKED_BYTES: '8M' } : {},
      code: 'TOOL_ARCHIVE_LIMIT',
      says: quick ? ['unpacks to more than 8 MiB'] : ['expands more than 200 times'],
    },
    {
      attack: 'tar.gz whose header declares 6 GiB',
      asset: named('tar.gz', () => makeLyingTarGz('overstated', 6 * GiB)),
      env: {},
      code: 'TOOL_ARCHIVE_LIMIT',
      says: ['declares more than 4 GiB', 'TOOL_MAX_UNPACKED_BYTES=8G'],
    },
    {
      attack: `tar.gz of ${entries} tiny entries`,
      asset: named('tar.gz', () => makeManyEntriesTarGz(entries)),
      env: quick ? { TOOL_MAX_ENTRIES: '200' } : {},
      code: 'TOOL_ARCHIVE_LIMIT',
      says: quick ? ['more than 200 files, directories and links', 'TOOL_MAX_ENTRIES=400'] : ['more than 100000 files', 'TOOL_MAX_ENTRIES=200000'],
    },
    {
      attack: `better zip bomb (Fifield): ${quick ? 64 : 1000} entries overlapping one kernel`,
      asset: named('zip', () => makeZipOverlapBomb({ files: quick ? 64 : 1000, kernelMiB: 1, layout: 'quoted' })),
      env: {},
      code: 'TOOL_UNSAFE_ARCHIVE',
      says: ['overlaps the entry', 'zip bombs'],
    },
    {
      attack: `zip of ${quick ? 16 : 5000} entries of 1 MiB of zeros, not overlapping`,
      asset: named('zip', () => makeZipFlatBomb({ files: quick ? 16 : 5000, mebibytesEach: 1 })),
      env: quick ? { TOOL_MAX_UNPACKED_BYTES: '8M' } : {},
      code: 'TOOL_ARCHIVE_LIMIT',
      says: quick ? ['declares more than 8 MiB'] : ['declares more than 4 GiB'],
    },
  ];
}
