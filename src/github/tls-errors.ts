/**
 * A certificate a request does not trust, as one line naming the host and what
 * to do. Behind a TLS-inspecting proxy or in front of GitHub Enterprise this is
 * almost always a private CA that Node does not know; retrying never helps, so
 * the line comes at once. Pure.
 */
import { ToolError } from '../core/errors.js';

/** OpenSSL's verify codes (as Node reports them) that mean "not signed by anything trusted". */
const UNTRUSTED: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its issuer is not a trusted certificate authority',
  UNABLE_TO_GET_ISSUER_CERT: 'its issuer is not a trusted certificate authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is not a trusted certificate authority',
  SELF_SIGNED_CERT_IN_CHAIN: 'it chains to a self-signed certificate that is not trusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  CERT_UNTRUSTED: 'it is not trusted',
};

/** Certificates a CA file does not fix. */
const INVALID: Record<string, string> = {
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet (is this machine\'s clock right?)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'it is for another host name',
  CERT_SIGNATURE_FAILURE: 'its signature does not verify',
  CERT_REVOKED: 'it has been revoked',
};

export const CA_HINT =
  'If your network uses a private certificate authority (a TLS-inspecting proxy, GitHub Enterprise), add its PEM file: ca-file = /path/ca.pem in ~/.config/tool/settings, TOOL_CA_FILE, or NODE_EXTRA_CA_CERTS';

/** The ToolError for a certificate failure on a request to `url`; undefined for any other error. */
export function certificateFailure(error: unknown, url: URL): ToolError | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  const untrusted = UNTRUSTED[code];
  if (untrusted) {
    return new ToolError('TOOL_NETWORK', `the TLS certificate of ${url.host} is not trusted: ${untrusted} (${code})`, { hint: CA_HINT, cause: error });
  }
  const invalid = INVALID[code];
  if (invalid) {
    return new ToolError('TOOL_NETWORK', `the TLS certificate of ${url.host} is not valid: ${invalid} (${code})`, {
      hint: 'Nothing was fetched from it; check the address, or tell whoever runs that server',
      cause: error,
    });
  }
  return undefined;
}
