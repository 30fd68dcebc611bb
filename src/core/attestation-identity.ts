/**
 * The identity checks on a verified Sigstore signature, as pure functions:
 * the signature itself is checked by src/attest/sigstore.ts; these decide
 * whether the signer is the one this tool should trust. A GitHub Actions
 * certificate (Fulcio) names the workflow that signed in its SAN,
 * "https://github.com/{owner}/{repo}/.github/workflows/{file}@{ref}", the
 * OIDC issuer, and the repository the run belonged to (extension .1.12, which
 * differs from the SAN's repository for a reusable workflow).
 */

/** The OIDC issuer of GitHub Actions' tokens on github.com. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
/** Fulcio's "Source Repository URI" extension. */
export const OID_SOURCE_REPOSITORY = '1.3.6.1.4.1.57264.1.12';
/** The in-toto statement a GitHub attestation's DSSE envelope carries. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface CertificateFacts {
  san: string | undefined;
  issuer: string | undefined;
  /** The source-repository extension's URI, when the certificate has one. */
  sourceRepository: string | undefined;
}

export interface ExpectedSigner {
  /** "owner/repo" of the tool. */
  repo: string;
  /** The workflow the registry declares, aqua's form: "owner/repo/.github/workflows/release.yml". */
  signerWorkflow?: string;
}

export interface WorkflowIdentity {
  repo: string;
  workflow: string;
  ref: string;
}

export type IdentityCheck = { ok: true; signer: WorkflowIdentity } | { ok: false; reason: string };

/** "https://github.com/o/r/.github/workflows/x.yml@refs/tags/v1" → its parts; undefined for any other SAN. */
export function parseWorkflowUri(san: string | undefined): WorkflowIdentity | undefined {
  const match = /^https:\/\/[^/]+\/([^/]+\/[^/]+)\/(\.github\/workflows\/[^@]+)@(.+)$/.exec(san ?? '');
  return match ? { repo: match[1]!, workflow: match[2]!, ref: match[3]! } : undefined;
}

/** "https://github.com/o/r" → "o/r". */
function repoOfUri(uri: string): string | undefined {
  return /^https:\/\/[^/]+\/([^/]+\/[^/]+?)\/?$/.exec(uri)?.[1];
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** aqua writes "owner/repo/.github/workflows/x.yml", optionally after "github.com/". */
function declaredWorkflow(text: string): string {
  return text.replace(/^https:\/\//, '').replace(/^github\.com\//, '');
}

/**
 * Does the SAN name the declared workflow? aqua hands signer_workflow to `gh
 * attestation verify --signer-workflow`, which reads it as a regular expression
 * anchored at the start of the SAN (so "release\.yml" and a trailing ref both
 * work); a value that is not a valid expression is compared as text.
 */
function namesWorkflow(san: string, declared: string): boolean {
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^https://[^/]+/(?:${declared})`, 'i');
  } catch {
    return same(san.replace(/@.*$/, '').replace(/^https:\/\/[^/]+\//, ''), declared);
  }
  return pattern.test(san);
}

/** Is the signer GitHub Actions, running in the tool's repository, with the declared workflow if one is? */
export function checkSigner(facts: CertificateFacts, want: ExpectedSigner): IdentityCheck {
  if (facts.issuer !== GITHUB_ACTIONS_ISSUER) {
    return { ok: false, reason: `wrong issuer: signed through ${facts.issuer ?? 'an unnamed issuer'}, not GitHub Actions (${GITHUB_ACTIONS_ISSUER})` };
  }
  const signer = parseWorkflowUri(facts.san);
  if (!signer) return { ok: false, reason: `wrong signer: ${facts.san ?? 'no identity'} is not a GitHub Actions workflow` };
  const source = facts.sourceRepository === undefined ? signer.repo : repoOfUri(facts.sourceRepository);
  if (!source || !same(source, want.repo)) {
    return { ok: false, reason: `wrong repository: built in ${source ?? facts.sourceRepository}, not ${want.repo}` };
  }
  if (want.signerWorkflow !== undefined) {
    const declared = declaredWorkflow(want.signerWorkflow);
    if (!namesWorkflow(facts.san!, declared)) {
      return { ok: false, reason: `wrong workflow: signed by ${signer.repo}/${signer.workflow}, but the registry declares ${declared}` };
    }
  }
  return { ok: true, signer };
}

/** Does the in-toto statement name an artifact with this SHA-256? */
export function statementNames(payload: string, sha256: string): { ok: true } | { ok: false; reason: string } {
  let statement: { subject?: Array<{ name?: unknown; digest?: Record<string, unknown> }> };
  try {
    statement = JSON.parse(payload) as typeof statement;
  } catch {
    return { ok: false, reason: 'the attestation is not an in-toto statement (its payload is not JSON)' };
  }
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  if (subjects.some((subject) => typeof subject?.digest?.sha256 === 'string' && subject.digest.sha256.toLowerCase() === sha256)) return { ok: true };
  const named = subjects.map((subject) => `${String(subject?.name)} sha256:${String(subject?.digest?.sha256)}`).join(', ');
  return { ok: false, reason: `digest mismatch: the attestation is for ${named || 'no artifact'}, not sha256:${sha256}` };
}

/**
 * The text of a DER UTF8String/IA5String/PrintableString (how Fulcio encodes
 * its newer extensions); the bytes as text when they are not one (the legacy
 * extensions hold raw text).
 */
export function derText(bytes: Uint8Array): string {
  const decode = (view: Uint8Array) => new TextDecoder().decode(view);
  if (bytes.length < 2 || ![0x0c, 0x13, 0x16].includes(bytes[0]!)) return decode(bytes);
  let length = bytes[1]!;
  let start = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count < 1 || count > 3 || bytes.length < 2 + count) return decode(bytes);
    length = 0;
    for (let index = 0; index < count; index++) length = length * 256 + bytes[2 + index]!;
    start = 2 + count;
  }
  return start + length === bytes.length ? decode(bytes.subarray(start)) : decode(bytes);
}
