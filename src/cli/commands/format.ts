/** Small text helpers shared by command printers. */
import type { Manifest } from '../../store/manifest.js';

export function verificationText(manifest: Manifest): string {
  if (manifest.cause === 'self-update') {
    return manifest.verification.method === 'none' ? 'captured from its own updater, unverified' : `captured from its own updater; ${manifest.verification.source}`;
  }
  switch (manifest.verification.method) {
    case 'digest':
      return 'sha256 verified against the GitHub digest';
    case 'checksum-file':
    case 'lock':
      return `sha256 verified against ${manifest.verification.source}`;
    case 'none':
      return `unverified, sha256 ${manifest.sha256.slice(0, 12)}… recorded`;
  }
}

/** The PATH line to print when the shims directory is not on PATH yet. */
export function pathAdvice(shims: string, path: string | undefined): string | undefined {
  if ((path ?? '').split(':').includes(shims)) return undefined;
  return `Put the shims on your PATH (add this to your shell profile):\n  export PATH="${shims}:$PATH"`;
}
