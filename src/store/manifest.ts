/** The record kept inside every published store version: where its bytes came from and how they were checked. */
import type { AttestationRecord } from '../core/attestation.js';
import type { FileRecords } from './file-records.js';

export type Verification =
  | { method: 'digest'; source: string }
  | { method: 'checksum-file'; source: string }
  /** Checked against a lock file; source says which and where the lock's hash came from. */
  | { method: 'lock'; source: string }
  | { method: 'none'; source?: undefined };

export interface Manifest {
  schema: 1;
  tool: string;
  repo: string;
  version: string;
  tag: string;
  asset: { name: string; url: string; size: number | undefined };
  /** SHA-256 of the downloaded asset, hex. */
  sha256: string;
  verification: Verification;
  /** What checking the asset's GitHub artifact attestations found; absent in versions installed before tool checked them. */
  attestation?: AttestationRecord;
  /** Executable name → path inside the version directory. */
  bins: Record<string, string>;
  platform: string;
  installedAt: string;
  /** Why this version exists: added, pinned, updated, self-update, … */
  cause: string;
  /**
   * Size, mode and SHA-256 of every file under files/ as published (file-records.ts);
   * absent in versions installed before tool recorded them. Readers must not require it.
   */
  files?: FileRecords;
}
