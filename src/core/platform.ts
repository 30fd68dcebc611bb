/** A platform is a plain value so that asset choice stays a pure function of it. */

export type Os = 'linux' | 'darwin' | 'windows';
export type Arch = 'x64' | 'arm64';
export type Libc = 'gnu' | 'musl';

export interface Platform {
  os: Os;
  arch: Arch;
  /** Only meaningful on linux; undefined elsewhere. */
  libc?: Libc;
}

/** "linux-x64-musl", "darwin-arm64": used in messages, manifests and test tables. */
export function formatPlatform(platform: Platform): string {
  const base = `${platform.os}-${platform.arch}`;
  return platform.os === 'linux' && platform.libc ? `${base}-${platform.libc}` : base;
}
