/**
 * What checking a release asset's GitHub artifact attestations found, as a
 * plain value: kept in the manifest, the history and the lock, and shown by
 * `tool info`. The same record whether this machine checked it or a lock did.
 */

export type AttestationStatus = 'verified' | 'absent' | 'failed' | 'unchecked';

export interface AttestationRecord {
  status: AttestationStatus;
  /** verified: the repository whose workflow signed ("cli/cli"). */
  repo?: string;
  /** verified: the signing workflow's path in that repository (".github/workflows/release.yml"). */
  workflow?: string;
  /** verified: the git ref it ran on ("refs/tags/v2.63.0"). */
  ref?: string;
  /** failed: what did not match; unchecked: why nothing was checked. */
  detail?: string;
  /** Where the outcome came from when not from this machine's own check: the lock file's path. */
  from?: string;
}

const STATUSES: readonly AttestationStatus[] = ['verified', 'absent', 'failed', 'unchecked'];

export function isAttestationStatus(value: unknown): value is AttestationStatus {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** "owner/repo's workflow (.github/workflows/release.yml)": who built it, for messages. */
export function signerText(record: AttestationRecord): string {
  return `${record.repo}'s ${workflowName(record.workflow)} workflow (${record.workflow})`;
}

/** ".github/workflows/release.yml" → "release". */
function workflowName(path: string | undefined): string {
  const file = path?.split('/').pop() ?? '';
  return file.replace(/\.ya?ml$/, '') || 'release';
}

/** One phrase for tables and history notes: "verified (cli/cli .github/workflows/release.yml)", "absent", "failed: …". */
export function describeAttestation(record: AttestationRecord): string {
  if (record.status === 'verified') return `verified (${record.repo} ${record.workflow})`;
  if (record.status === 'absent') return 'absent';
  return `${record.status}: ${record.detail ?? 'no detail'}`;
}

/** The lock line's short form: "verified:owner/repo/.github/workflows/x.yml", "absent", "failed:<what>", "unchecked:<why>". */
export function attestationToken(record: AttestationRecord): string {
  if (record.status === 'verified') return `verified:${record.repo}/${record.workflow}${record.ref ? `@${record.ref}` : ''}`;
  if (record.status === 'absent') return 'absent';
  return `${record.status}:${record.detail ?? ''}`;
}

/** The inverse of attestationToken; undefined for text it did not write. */
export function parseAttestationToken(token: string): AttestationRecord | undefined {
  const colon = token.indexOf(':');
  const status = colon < 0 ? token : token.slice(0, colon);
  const rest = colon < 0 ? '' : token.slice(colon + 1);
  if (!isAttestationStatus(status)) return undefined;
  if (status === 'absent') return rest === '' ? { status } : undefined;
  if (status !== 'verified') return rest === '' ? undefined : { status, detail: rest };
  const signer = /^([^/@]+\/[^/@]+)\/(\.github\/workflows\/[^@]+)(?:@(.+))?$/.exec(rest);
  if (!signer) return undefined;
  return { status, repo: signer[1]!, workflow: signer[2]!, ...(signer[3] ? { ref: signer[3] } : {}) };
}
