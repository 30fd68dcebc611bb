/** The attestation record's lock form (src/core/attestation.ts): written and read back exactly. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attestationToken, describeAttestation, parseAttestationToken, signerText, type AttestationRecord } from '../../../src/core/attestation.js';

const verified: AttestationRecord = { status: 'verified', repo: 'cli/cli', workflow: '.github/workflows/deployment.yml', ref: 'refs/tags/v2.63.0' };

describe('attestation tokens', () => {
  it('round-trips every status', () => {
    const records: AttestationRecord[] = [verified, { status: 'absent' }, { status: 'failed', detail: 'wrong repository: built in a/b, not c/d' }, { status: 'unchecked', detail: 'attestations = off' }];
    for (const record of records) assert.deepEqual(parseAttestationToken(attestationToken(record)), record);
    assert.equal(attestationToken(verified), 'verified:cli/cli/.github/workflows/deployment.yml@refs/tags/v2.63.0');
  });

  it('rejects text it did not write', () => {
    for (const token of ['', 'ok', 'verified', 'verified:cli/cli', 'absent:why', 'failed', 'failed:']) assert.equal(parseAttestationToken(token), undefined, token);
  });
});

describe('attestation wording', () => {
  it('names the signer by repository and workflow file', () => {
    assert.equal(signerText(verified), "cli/cli's deployment workflow (.github/workflows/deployment.yml)");
    assert.equal(describeAttestation(verified), 'verified (cli/cli .github/workflows/deployment.yml)');
    assert.equal(describeAttestation({ status: 'failed', detail: 'bad signature' }), 'failed: bad signature');
  });
});
