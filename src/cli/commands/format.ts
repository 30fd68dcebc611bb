/** Small text helpers shared by command printers. */
import { sessionPathCommand, shellFromEnv } from '../../app/shell/shells.js';
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

/** What to do when the shims directory is not on PATH yet: `tool setup`, or one command for this session in the user's shell's syntax. */
export function pathAdvice(shims: string, env: NodeJS.ProcessEnv): string | undefined {
  if ((env.PATH ?? '').split(':').includes(shims)) return undefined;
  return [
    'The shims are not on your PATH: run `tool setup` to add them in your shell\'s startup file, or for this shell only:',
    `  ${sessionPathCommand(shellFromEnv(env), shims)}`,
  ].join('\n');
}
