/**
 * A stand-in for GitHub's attestation signing, for tests: a mock Fulcio CA
 * with a CT log and a mock Rekor transparency log (@sigstore/mock), the
 * trusted_root.json that trusts them (what TOOL_SIGSTORE_TRUSTED_ROOT points
 * the CLI at), and Sigstore bundles of in-toto statements signed with a
 * certificate that names whichever workflow, repository and issuer a test wants.
 * Bundles have the shape GitHub's attestations API returns (bundle v0.3, DSSE).
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { initializeCA, initializeCTLog, initializeTLog } from '@sigstore/mock';

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const IN_TOTO = 'application/vnd.in-toto+json';

export interface SignOptions {
  /** The digest the statement names (hex). */
  sha256: string;
  /** The artifact name the statement names. */
  name: string;
  /** Repository the workflow ran in: "owner/repo". */
  repo: string;
  /** Default ".github/workflows/release.yml". */
  workflow?: string;
  /** Default "refs/tags/v1.0.0". */
  ref?: string;
  /** The source-repository extension; default the same as `repo`. */
  sourceRepo?: string;
  issuer?: string;
}

export interface AttestationAuthority {
  /** Writes a trusted_root.json for this authority; `caUntil` ends the CA's validity window (a rotated root). */
  writeTrustedRoot(path: string, options?: { caUntil?: Date }): string;
  /** A bundle as GitHub's API holds it, signed now. */
  sign(options: SignOptions): Promise<unknown>;
}

const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
/** A key's SPKI bytes in an ArrayBuffer of their own (the mock wants ArrayBufferView<ArrayBuffer>). */
const der = (key: KeyObject): Uint8Array<ArrayBuffer> => new Uint8Array(key.export({ type: 'spki', format: 'der' }));
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

function pem(cert: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${cert.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** DSSE's pre-authentication encoding: what is actually signed. */
function pae(payloadType: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`DSSEv1 ${payloadType.length} ${payloadType} ${payload.length} `), payload]);
}

export async function createAttestationAuthority(): Promise<AttestationAuthority> {
  const ctlog = await initializeCTLog(keyPair());
  const ca = await initializeCA(keyPair(), ctlog);
  const tlog = await initializeTLog('https://rekor.test.invalid', keyPair());
  const tlogId = createHash('sha256').update(tlog.publicKey).digest();
  // Validity windows start an hour back, so a signature made now falls inside them.
  const start = new Date(Date.now() - 3_600_000).toISOString();
  const key = (rawBytes: Buffer) => ({ rawBytes: b64(rawBytes), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } });

  return {
    writeTrustedRoot(path, options = {}) {
      const caValid = { start, ...(options.caUntil ? { end: options.caUntil.toISOString() } : {}) };
      const root = {
        mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
        tlogs: [{ baseUrl: 'https://rekor.test.invalid', hashAlgorithm: 'SHA2_256', publicKey: key(tlog.publicKey), logId: { keyId: b64(tlogId) } }],
        certificateAuthorities: [{ subject: { organization: 'sigstore.mock', commonName: 'sigstore' }, uri: 'https://fulcio.test.invalid', certChain: { certificates: [{ rawBytes: b64(Buffer.from(ca.rootCertificate.buffer, ca.rootCertificate.byteOffset, ca.rootCertificate.byteLength)) }] }, validFor: caValid }],
        ctlogs: [{ baseUrl: 'https://ctfe.test.invalid', hashAlgorithm: 'SHA2_256', publicKey: key(ctlog.publicKey), logId: { keyId: b64(Buffer.from(ctlog.logID.buffer, ctlog.logID.byteOffset, ctlog.logID.byteLength)) } }],
        timestampAuthorities: [],
      };
      writeFileSync(path, `${JSON.stringify(root, null, 2)}\n`);
      return path;
    },

    async sign(options) {
      const signer = keyPair();
      const workflow = options.workflow ?? '.github/workflows/release.yml';
      const san = `https://forge.example/${options.repo}/${workflow}@${options.ref ?? 'refs/tags/v1.0.0'}`;
      const issued = await ca.issueCertificate({
        publicKey: der(signer.publicKey),
        subjectAltName: san,
        extensions: [
          { oid: '1.3.6.1.4.1.57264.1.8', value: options.issuer ?? GITHUB_ISSUER },
          { oid: '1.3.6.1.4.1.57264.1.12', value: `https://forge.example/${options.sourceRepo ?? options.repo}` },
        ],
      });
      const cert = Buffer.from(issued.buffer, issued.byteOffset, issued.byteLength);
      const statement = { _type: 'https://in-toto.io/Statement/v1', subject: [{ name: options.name, digest: { sha256: options.sha256 } }], predicateType: 'https://slsa.dev/provenance/v1', predicate: {} };
      const payload = Buffer.from(JSON.stringify(statement));
      const signature = sign('sha256', pae(IN_TOTO, payload), signer.privateKey);
      const body = {
        apiVersion: '0.0.1',
        kind: 'dsse',
        spec: {
          envelopeHash: { algorithm: 'sha256', value: createHash('sha256').update(payload).digest('hex') },
          payloadHash: { algorithm: 'sha256', value: createHash('sha256').update(payload).digest('hex') },
          signatures: [{ signature: signature.toString('base64'), verifier: Buffer.from(pem(cert)).toString('base64') }],
        },
      };
      const logged = Object.values(await tlog.log(body))[0] as unknown as TLogAnswer;
      return {
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        verificationMaterial: {
          certificate: { rawBytes: cert.toString('base64') },
          tlogEntries: [{
            logIndex: String(logged.logIndex),
            logId: { keyId: b64(tlogId) },
            kindVersion: { kind: 'dsse', version: '0.0.1' },
            integratedTime: String(logged.integratedTime),
            inclusionPromise: { signedEntryTimestamp: logged.verification.signedEntryTimestamp },
            inclusionProof: {
              logIndex: '0',
              rootHash: Buffer.from(logged.verification.inclusionProof.rootHash, 'hex').toString('base64'),
              treeSize: '1',
              hashes: [],
              checkpoint: { envelope: logged.verification.inclusionProof.checkpoint },
            },
            canonicalizedBody: logged.body,
          }],
          timestampVerificationData: { rfc3161Timestamps: [] },
        },
        dsseEnvelope: { payload: payload.toString('base64'), payloadType: IN_TOTO, signatures: [{ sig: signature.toString('base64'), keyid: '' }] },
      };
    },
  };
}

/** The fields of the mock Rekor's answer that a bundle needs. */
interface TLogAnswer {
  body: string;
  integratedTime: number;
  logIndex: number;
  verification: { signedEntryTimestamp: string; inclusionProof: { rootHash: string; checkpoint: string } };
}

/**
 * An aqua-format registry file (for TOOL_REGISTRIES) declaring `repos`, each
 * with assets named "<name>_<version>_<os>_<arch>.tar.gz" and, where given,
 * github_artifact_attestations.signer_workflow.
 */
export function aquaRegistryYaml(packages: Array<{ repo: string; signerWorkflow?: string }>): string {
  const lines = ['packages:'];
  for (const { repo, signerWorkflow } of packages) {
    const [owner, name] = repo.split('/');
    lines.push('  - type: github_release', `    repo_owner: ${owner}`, `    repo_name: ${name}`, `    description: ${name}, attested`);
    lines.push(`    asset: ${name}_{{trimV .Version}}_{{.OS}}_{{.Arch}}.tar.gz`, '    format: tar.gz');
    if (signerWorkflow) lines.push('    github_artifact_attestations:', `      signer_workflow: ${signerWorkflow}`);
  }
  return `${lines.join('\n')}\n`;
}
