/**
 * Platform tests from aqua's pkg/config/registry (override.go,
 * supported_envs.go) and the Arch value templates see (pkg/config getArch).
 * Note the asymmetry aqua has: `rosetta2: true` turns `.Arch` into amd64 on
 * darwin/arm64 unconditionally, while overrides still match the real goarch.
 */
import type { AquaFormatOverride, AquaInput, AquaOverride, AquaPackage } from './types.js';

/** aqua's matchEnvs: "all", a goos, a goarch or "goos/goarch"; emulation widens arm64 to amd64. */
export function matchEnvs(envs: string[], input: Pick<AquaInput, 'os' | 'arch'>, rosetta2: boolean, windowsArmEmulation: boolean): boolean {
  const env = `${input.os}/${input.arch}`;
  if (envs.some((e) => e === input.os || e === input.arch || e === env || e === 'all')) return true;
  const emulated = input.arch === 'arm64' && ((input.os === 'darwin' && rosetta2) || (input.os === 'windows' && windowsArmEmulation));
  return emulated && envs.some((e) => e === 'amd64' || e === `${input.os}/amd64`);
}

/** Only `libc` is a variant key aqua knows; an override naming another key never matches. */
function matchVariants(ov: AquaOverride, input: AquaInput): boolean {
  return (ov.variants ?? []).every((variant) => variant.key === 'libc' && variant.value === (input.libc ?? ''));
}

/** The first override whose goos, goarch, envs and variants all match (aqua uses only the first). */
export function findOverride(overrides: AquaOverride[] | undefined, input: AquaInput): AquaOverride | undefined {
  return overrides?.find(
    (ov) =>
      (!ov.goos || ov.goos === input.os) &&
      (!ov.goarch || ov.goarch === input.arch) &&
      (ov.envs === undefined || matchEnvs(ov.envs, input, false, false)) &&
      matchVariants(ov, input),
  );
}

/** The first format_overrides entry for this goos, if any. */
export function findFormatOverride(list: AquaFormatOverride[] | undefined, input: AquaInput): AquaFormatOverride | undefined {
  return list?.find((fo) => fo.goos === input.os);
}

/** aqua's CheckSupportedEnvs: no supported_envs means every platform. */
export function isSupported(pkg: AquaPackage, input: AquaInput): boolean {
  if (pkg.supported_envs === undefined) return true;
  return matchEnvs(pkg.supported_envs, input, pkg.rosetta2 ?? false, pkg.windows_arm_emulation ?? false);
}

/** True when aqua renders the amd64 build for this arm64 machine (Rosetta 2 or Windows emulation). */
export function usesEmulation(pkg: AquaPackage, input: AquaInput): { rosetta2: boolean; windowsArmEmulation: boolean } {
  const arm = input.arch === 'arm64';
  return {
    rosetta2: arm && input.os === 'darwin' && (pkg.rosetta2 ?? false),
    windowsArmEmulation: arm && input.os === 'windows' && (pkg.windows_arm_emulation ?? false),
  };
}

/** aqua's replace(): a missing or empty replacement keeps the key itself. */
export function replaced(key: string, replacements: Record<string, string> | undefined): string {
  const value = replacements && Object.hasOwn(replacements, key) ? replacements[key] : undefined;
  return value ? value : key;
}

/** `.Arch` as templates see it: amd64 under emulation, then replaced. */
export function templateArch(pkg: AquaPackage, input: AquaInput, replacements: Record<string, string> | undefined): string {
  const emulation = usesEmulation(pkg, input);
  const arch = emulation.rosetta2 || emulation.windowsArmEmulation ? 'amd64' : input.arch;
  return replaced(arch, replacements);
}
