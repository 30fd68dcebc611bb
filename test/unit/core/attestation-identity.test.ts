/** The pure identity checks on a verified attestation's certificate and statement (src/core/attestation-identity.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSigner, derText, GITHUB_ACTIONS_ISSUER, parseWorkflowUri, statementNames, type CertificateFacts } from '../../../src/core/attestation-identity.js';

const SHA = 'ab'.repeat(32);
const facts = (san: string, extra: Partial<CertificateFacts> = {}): CertificateFacts => ({ san, issuer: GITHUB_ACTIONS_ISSUER, sourceRepository: undefined, ...extra });
const SAN = 'https://forge.example/cli/cli/.github/workflows/deployment.yml@refs/tags/v2.63.0';

describe('parseWorkflowUri', () => {
  it('splits a GitHub Actions SAN into repository, workflow path and ref', () => {
    assert.deepEqual(parseWorkflowUri(SAN), { repo: 'cli/cli', workflow: '.github/workflows/deployment.yml', ref: 'refs/tags/v2.63.0' });
  });

  it('rejects a SAN that is not a workflow (an e-mail identity, a URI without a ref)', () => {
    assert.equal(parseWorkflowUri('someone@example.invalid'), undefined);
    assert.equal(parseWorkflowUri('https://forge.example/cli/cli/.github/workflows/deployment.yml'), undefined);
    assert.equal(parseWorkflowUri(undefined), undefined);
  });
});

describe('checkSigner', () => {
  it('accepts the tool\'s own repository, whatever the case of owner/repo', () => {
    const result = checkSigner(facts(SAN, { sourceRepository: 'https://forge.example/cli/cli' }), { repo: 'CLI/CLI' });
    assert.deepEqual(result, { ok: true, signer: { repo: 'cli/cli', workflow: '.github/workflows/deployment.yml', ref: 'refs/tags/v2.63.0' } });
  });

  it('judges the repository by the source-repository extension: a reusable workflow of another repository still counts', () => {
    const reusable = facts('https://forge.example/slsa-framework/slsa-github-generator/.github/workflows/generator.yml@refs/tags/v2.0.0', { sourceRepository: 'https://forge.example/cli/cli' });
    assert.equal(checkSigner(reusable, { repo: 'cli/cli' }).ok, true);
  });

  it('refuses a build in another repository, naming both', () => {
    const result = checkSigner(facts('https://forge.example/mallory/cli/.github/workflows/release.yml@refs/heads/main', { sourceRepository: 'https://forge.example/mallory/cli' }), { repo: 'cli/cli' });
    assert.deepEqual(result, { ok: false, reason: 'wrong repository: built in mallory/cli, not cli/cli' });
  });

  it('falls back to the SAN\'s repository when the certificate has no source-repository extension', () => {
    assert.equal(checkSigner(facts('https://forge.example/mallory/cli/.github/workflows/release.yml@refs/heads/main'), { repo: 'cli/cli' }).ok, false);
    assert.equal(checkSigner(facts(SAN), { repo: 'cli/cli' }).ok, true);
  });

  it('checks the declared workflow in aqua\'s forms (with or without github.com/), ignoring the ref', () => {
    assert.equal(checkSigner(facts(SAN), { repo: 'cli/cli', signerWorkflow: 'cli/cli/.github/workflows/deployment.yml' }).ok, true);
    assert.equal(checkSigner(facts(SAN), { repo: 'cli/cli', signerWorkflow: 'github.com/cli/cli/.github/workflows/deployment.yml' }).ok, true);
    // gh reads it as a regular expression, and aqua's registry has escaped ones.
    assert.equal(checkSigner(facts(SAN), { repo: 'cli/cli', signerWorkflow: 'cli/cli/\\.github/workflows/deployment\\.yml' }).ok, true);
    assert.equal(checkSigner(facts(SAN), { repo: 'cli/cli', signerWorkflow: 'cli/cli/.github/workflows/deploy' }).ok, true, 'a prefix, as gh matches it');
    assert.deepEqual(checkSigner(facts(SAN), { repo: 'cli/cli', signerWorkflow: 'cli/cli/.github/workflows/release.yml' }), {
      ok: false,
      reason: 'wrong workflow: signed by cli/cli/.github/workflows/deployment.yml, but the registry declares cli/cli/.github/workflows/release.yml',
    });
  });

  it('refuses a certificate from another OIDC issuer than GitHub Actions', () => {
    const result = checkSigner(facts(SAN, { issuer: 'https://accounts.example.invalid' }), { repo: 'cli/cli' });
    assert.equal(result.ok, false);
    assert.match((result as { reason: string }).reason, /^wrong issuer: signed through https:\/\/accounts\.example\.invalid/);
  });
});

describe('statementNames', () => {
  const statement = (digest: string) => JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'gh.tar.gz', digest: { sha256: digest } }] });

  it('finds the digest among the subjects (case-insensitively)', () => {
    assert.deepEqual(statementNames(statement(SHA.toUpperCase()), SHA), { ok: true });
  });

  it('names what the statement is for when the digest differs', () => {
    assert.deepEqual(statementNames(statement('cd'.repeat(32)), SHA), { ok: false, reason: `digest mismatch: the attestation is for gh.tar.gz sha256:${'cd'.repeat(32)}, not sha256:${SHA}` });
  });

  it('says so when the payload is not JSON', () => {
    assert.equal(statementNames('not json', SHA).ok, false);
  });
});

describe('derText', () => {
  it('reads a DER UTF8String (Fulcio\'s newer extensions) and raw text (the legacy ones)', () => {
    const text = 'https://token.actions.githubusercontent.com';
    assert.equal(derText(Uint8Array.from([0x0c, text.length, ...Buffer.from(text)])), text);
    assert.equal(derText(Buffer.from(text)), text);
  });

  it('reads a long-form length', () => {
    const text = 'x'.repeat(200);
    assert.equal(derText(Uint8Array.from([0x0c, 0x81, 200, ...Buffer.from(text)])), text);
  });
});
