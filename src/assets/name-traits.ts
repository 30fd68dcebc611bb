/**
 * An asset name read as a whole: its archive kind, whether it is a Windows
 * .exe, and the platform words of what is left once the suffix is gone. Both
 * the per-asset score and the release-wide look at unnamed assets read names
 * through here, so they can never disagree about what a name says.
 */
import { archiveKindOf, stripArchiveSuffix, type ArchiveKind } from '../archive/kind.js';
import { readTraits, type AssetTraits } from './tokens.js';

export interface NameTraits {
  kind: ArchiveKind;
  /** The name without its archive suffix ("tool-linux.tar.gz" → "tool-linux"). */
  stem: string;
  /** A raw file ending in .exe. */
  exe: boolean;
  traits: AssetTraits;
}

/** Reads one asset name; `toolWords` are words of the tool's own name. */
export function readName(name: string, toolWords: ReadonlySet<string>): NameTraits {
  const kind = archiveKindOf(name);
  const stem = stripArchiveSuffix(name);
  const exe = kind === 'raw' && name.toLowerCase().endsWith('.exe');
  // Runnable formats are "raw" to the installer, but their extension is no platform word;
  // an archive of one .exe ("kubetrim.exe.tgz") is as Windows as the .exe itself.
  const words = stem.replace(/\.(exe|jar|pyz)$/i, '');
  const windowsExe = exe || (kind !== 'raw' && /\.exe$/i.test(stem));
  return { kind, stem, exe, traits: readTraits(words, windowsExe, toolWords) };
}
