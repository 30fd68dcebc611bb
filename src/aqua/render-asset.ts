/**
 * The concrete asset name and file paths for a fully overridden package
 * (pkg/config/package.go: RenderAsset, renderSrc, fileSrc; windows_ext.go).
 * Each template sees only the keys aqua passes for it: the asset template has
 * no .Asset, the file src template adds .FileName, .Asset and .AssetWithoutExt.
 */
import { appendExt, extIgnoringVersion, goBase, isUnarchived, removeExtFromAsset } from './asset-ext.js';
import { packageFiles } from './package-name.js';
import { replaced, templateArch } from './platform-match.js';
import { renderTemplate, type TemplateData } from './template.js';
import type { AquaInput, AquaPackage } from './types.js';

/** The keys every aqua template sees, with the given replacements applied to .OS and .Arch. */
export function baseData(pkg: AquaPackage, input: AquaInput, vars: TemplateData, replacements = pkg.replacements): TemplateData {
  const prefix = pkg.version_prefix;
  return {
    Version: input.tag,
    SemVer: prefix && input.tag.startsWith(prefix) ? input.tag.slice(prefix.length) : input.tag,
    GOOS: input.os,
    GOARCH: input.arch,
    OS: replaced(input.os, replacements),
    Arch: templateArch(pkg, input, replacements),
    Format: pkg.format ?? '',
    Vars: vars,
  };
}

function windowsExt(pkg: AquaPackage): string {
  if (pkg.windows_ext) return pkg.windows_ext;
  return pkg.type === 'github_content' || pkg.type === 'github_archive' ? '.sh' : '.exe';
}

function completeWindowsExt(pkg: AquaPackage, name: string): string {
  if (pkg.complete_windows_ext !== undefined) return pkg.complete_windows_ext ? name + windowsExt(pkg) : name;
  if (pkg.type === 'github_content' || pkg.type === 'github_archive') return name;
  return name + windowsExt(pkg);
}

/** aqua's completeWindowsExtToAsset: ".exe" for raw or extension-less Windows downloads. */
function completeWindowsAsset(pkg: AquaPackage, asset: string, tag: string): string {
  if (asset.endsWith('.exe') || asset.endsWith('.jar')) return asset;
  if (pkg.format === 'raw') return completeWindowsExt(pkg, asset);
  if (pkg.format) return asset;
  return extIgnoringVersion(asset, tag) === '' ? completeWindowsExt(pkg, asset) : asset;
}

/** The release asset to download, as aqua's RenderAsset names it. */
export function renderAssetName(pkg: AquaPackage, input: AquaInput, vars: TemplateData): string {
  let asset = renderTemplate(pkg.asset ?? '', baseData(pkg, input, vars));
  if (asset === '') return '';
  if (pkg.append_ext !== false) asset = appendExt(asset, pkg.format ?? '');
  return input.os === 'windows' ? completeWindowsAsset(pkg, asset, input.tag) : asset;
}

/**
 * The format aqua extracts with: declared, else what the name says ("raw" for
 * a bare binary). "auto" when neither tells: aqua then lets its archive
 * library identify the download by its content.
 */
export function effectiveFormat(pkg: AquaPackage, asset: string): string {
  if (pkg.format) return pkg.format;
  if (isUnarchived('', asset)) return 'raw';
  const byName = removeExtFromAsset(asset)[1];
  return byName === 'raw' ? 'auto' : byName;
}

/** Where each file sits inside the download (the download itself for raw assets). */
export function renderFiles(pkg: AquaPackage, input: AquaInput, vars: TemplateData, asset: string): { name: string; src: string }[] {
  return packageFiles(pkg).map((file) => {
    let src: string;
    if (isUnarchived(pkg.format ?? '', asset)) src = goBase(asset);
    else if (!file.src) src = file.name;
    else {
      const data = { ...baseData(pkg, input, vars), FileName: file.name, Asset: asset, AssetWithoutExt: removeExtFromAsset(asset)[0] };
      src = renderTemplate(file.src, data);
    }
    if (input.os === 'windows' && extIgnoringVersion(src, input.tag) === '') src += windowsExt(pkg);
    return { name: file.name, src };
  });
}
