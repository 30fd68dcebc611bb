/**
 * Checking one artifact's GitHub attestations: ask the API for the bundles
 * stored for its SHA-256, verify each in process (sigstore.ts, loaded only
 * when there is a bundle), and accept the first whose statement names this
 * digest and whose signer is the tool's repository (and declared workflow).
 * The answer is a record, never an exception for what the release did: the
 * caller's policy decides what a failure means (app/install/attestation-policy.ts).
 */
import { checkSigner, IN_TOTO_PAYLOAD_TYPE, statementNames, type ExpectedSigner } from '../core/attestation-identity.js';
import type { AttestationRecord } from '../core/attestation.js';
import { isToolError } from '../core/errors.js';
import type { Settings } from '../env/settings.js';
import type { GitHubClient } from '../github/types.js';
import type { Trust } from './sigstore.js';

export interface AttestationQuery extends ExpectedSigner {
  sha256: string;
}

/** Answers that mean the endpoint could not tell us, not that the release has none. */
const UNREACHABLE = ['TOOL_NETWORK', 'TOOL_SERVER_ERROR', 'TOOL_RATE_LIMITED', 'TOOL_INSECURE_URL'];

async function fetchBundles(github: GitHubClient, query: AttestationQuery): Promise<unknown[] | AttestationRecord> {
  try {
    return await github.attestations(query.repo, query.sha256);
  } catch (error) {
    if (!UNREACHABLE.some((code) => isToolError(error, code))) throw error;
    return { status: 'unchecked', detail: `the attestation endpoint did not answer: ${(error as Error).message}` };
  }
}

/** One bundle judged: the verified signer, or why it does not vouch for this artifact. */
function judgeBundle(verifyBundle: typeof import('./sigstore.js').verifyBundle, bundle: unknown, trust: Trust, query: AttestationQuery): AttestationRecord {
  const checked = verifyBundle(bundle, trust);
  if (!checked.ok) return { status: 'failed', detail: checked.reason };
  if (checked.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return { status: 'failed', detail: `unsupported attestation: payload type ${checked.payloadType}, not an in-toto statement` };
  }
  const named = statementNames(checked.payload, query.sha256);
  if (!named.ok) return { status: 'failed', detail: named.reason };
  const signer = checkSigner(checked.facts, query);
  if (!signer.ok) return { status: 'failed', detail: signer.reason };
  return { status: 'verified', repo: signer.signer.repo, workflow: signer.signer.workflow, ref: signer.signer.ref };
}

/** verified by the first bundle that vouches; else failed with the first bundle's reason; absent when there are none. */
export async function checkAttestations(github: GitHubClient, settings: Settings, query: AttestationQuery): Promise<AttestationRecord> {
  const bundles = await fetchBundles(github, query);
  if (!Array.isArray(bundles)) return bundles;
  if (bundles.length === 0) return { status: 'absent' };
  const [{ verifyBundle }, { trustedRoot }] = await Promise.all([import('./sigstore.js'), import('./trusted-root.js')]);
  const trust = await trustedRoot(settings);
  let first: AttestationRecord | undefined;
  for (const bundle of bundles) {
    const record = judgeBundle(verifyBundle, bundle, trust, query);
    if (record.status === 'verified') return record;
    first ??= record;
  }
  return first!;
}
