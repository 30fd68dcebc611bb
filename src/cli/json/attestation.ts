/** Attestation outcomes in the JSON contract's shape (`Attestation`): every key present, null when it does not apply. */
import type { AttestationInfo } from '../../app/lifecycle/attestation-info.js';
import type { AttestationRecord } from '../../core/attestation.js';

export function attestationJson(record: AttestationRecord | undefined | null): object | null {
  if (!record) return null;
  return { status: record.status, repo: record.repo ?? null, workflow: record.workflow ?? null, ref: record.ref ?? null, detail: record.detail ?? null, recordedIn: record.from ?? null };
}

export function attestationsJson(info: AttestationInfo): object {
  return {
    policy: info.policy,
    signerWorkflow: info.signerWorkflow,
    inStore: info.installed.map((row) => ({ version: row.version, platform: row.platform, asset: row.asset, attestation: attestationJson(row.attestation) })),
    inLocks: info.locked.map((row) => ({ file: row.lock, key: row.key, version: row.version, platform: row.platform, attestation: attestationJson(row.attestation) })),
  };
}
