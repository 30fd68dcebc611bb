/**
 * Sigstore bundle verification, in process: the one module that imports
 * @sigstore/bundle, @sigstore/verify and @sigstore/protobuf-specs. Loaded only
 * when a release has attestations to check (see check-attestations.ts), so no
 * other command pays for these packages.
 *
 * A bundle is checked against a trusted root: its certificate must chain to a
 * certificate authority valid at the signing time, carry a signed certificate
 * timestamp from a trusted CT log, and the signature must be in a trusted
 * transparency log (the public-good defaults, as `gh attestation verify`
 * applies them). What the signer's identity must be is decided by the caller
 * (core/attestation-identity.ts) from the facts returned here.
 */
import { bundleFromJSON, BUNDLE_V01_MEDIA_TYPE, BUNDLE_V02_MEDIA_TYPE, BUNDLE_V03_LEGACY_MEDIA_TYPE, BUNDLE_V03_MEDIA_TYPE } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier, VerificationError, type TrustMaterial } from '@sigstore/verify';
import { derText, OID_SOURCE_REPOSITORY, type CertificateFacts } from '../core/attestation-identity.js';
import { ToolError } from '../core/errors.js';

const BUNDLE_MEDIA_TYPES = [BUNDLE_V01_MEDIA_TYPE, BUNDLE_V02_MEDIA_TYPE, BUNDLE_V03_LEGACY_MEDIA_TYPE, BUNDLE_V03_MEDIA_TYPE];
const TRUSTED_ROOT_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.trustedroot(\.v0\.\d)?\+json(;version=0\.\d)?$/;

export interface Trust {
  material: TrustMaterial;
  /** Where it was read from, for messages. */
  path: string;
}

export type BundleCheck =
  | { ok: true; payloadType: string; payload: string; facts: CertificateFacts }
  | { ok: false; reason: string };

/** A trusted_root.json's text → trust material, or TOOL_BAD_SETTING naming the file. */
export function readTrust(text: string, path: string): Trust {
  const bad = (why: string) =>
    new ToolError('TOOL_BAD_SETTING', `${path} is not a Sigstore trusted root: ${why}`, {
      hint: 'Point TOOL_SIGSTORE_TRUSTED_ROOT at a trusted_root.json, or unset it to use the one shipped with tool',
    });
  let json: { mediaType?: unknown };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw bad('not JSON');
  }
  if (typeof json.mediaType !== 'string' || !TRUSTED_ROOT_MEDIA_TYPE.test(json.mediaType)) throw bad(`media type ${JSON.stringify(json.mediaType)} is not one this tool reads`);
  try {
    return { material: toTrustMaterial(TrustedRoot.fromJSON(json)), path };
  } catch (error) {
    throw bad((error as Error).message);
  }
}

/** Bytes of the certificate extension `oid` as text ("" when absent). */
function extension(oids: ReadonlyArray<{ oid?: { id: number[] }; value: Uint8Array }>, oid: string): string | undefined {
  const found = oids.find((item) => item.oid?.id.join('.') === oid);
  return found ? derText(found.value) : undefined;
}

/** Why verification failed, in words a user can act on. */
function explain(error: unknown, trust: Trust): string {
  if (!(error instanceof VerificationError)) return `bad bundle: ${(error as Error).message}`;
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  switch (error.code) {
    case 'CERTIFICATE_ERROR':
      return `untrusted certificate: ${error.message}${cause}; no certificate authority in ${trust.path} vouches for it at the signing time (an expired or rotated trust root, or another Sigstore instance)`;
    case 'SIGNATURE_ERROR':
      return `bad signature: ${error.message}`;
    case 'TIMESTAMP_ERROR':
      return `no trusted signing time: ${error.message}`;
    default:
      return `transparency log entry not valid: ${error.message}${cause}`;
  }
}

/** Verify one bundle's signature, certificate chain and log entries; the identity is the caller's to judge. */
export function verifyBundle(json: unknown, trust: Trust): BundleCheck {
  const mediaType = (json as { mediaType?: unknown } | null)?.mediaType;
  if (typeof mediaType !== 'string' || !BUNDLE_MEDIA_TYPES.includes(mediaType)) {
    return { ok: false, reason: `unsupported bundle: media type ${JSON.stringify(mediaType ?? null)} is not a Sigstore bundle version this tool reads (0.1 to 0.3)` };
  }
  let bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (error) {
    return { ok: false, reason: `malformed bundle: ${(error as Error).message}` };
  }
  if (bundle.content.$case !== 'dsseEnvelope') return { ok: false, reason: 'unsupported bundle: it signs a message digest, not an in-toto statement' };
  try {
    const signer = new Verifier(trust.material).verify(toSignedEntity(bundle));
    const identity = signer.identity ?? {};
    const envelope = bundle.content.dsseEnvelope;
    return {
      ok: true,
      payloadType: envelope.payloadType,
      payload: Buffer.from(envelope.payload).toString('utf8'),
      facts: {
        san: identity.subjectAlternativeName,
        issuer: identity.extensions?.issuer,
        sourceRepository: extension(identity.oids ?? [], OID_SOURCE_REPOSITORY),
      },
    };
  } catch (error) {
    return { ok: false, reason: explain(error, trust) };
  }
}
