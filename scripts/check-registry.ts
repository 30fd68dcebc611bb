/**
 * `npm run check-registry`: validates every registry/<name>.json and checks it
 * against the real release asset lists in test/fixtures/real-assets/. CI runs
 * it before the tests; test/unit/registry/entries.test.ts runs the same checks
 * in-process. One line per problem, naming the file and the field; exit 1 on
 * any problem.
 *
 * Checks, in order: each file validates (src/registry/validate.ts); names,
 * repos and exposed executables are unique across the registry, and no
 * executable is named like another entry; every entry has a real-assets
 * fixture (matched by repo); for every platform the fixture lists, selectAsset
 * with the entry's rules picks exactly the expected asset (and says Rosetta
 * exactly where the fixture does); every asset rule matches exactly one asset
 * of the fixture release; a declared checksum file names an asset of that
 * release for every platform the fixture lists. Fixtures are read with the
 * documented FIXTURE_CORRECTIONS and TAG_STAND_INS below.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checksumFileFor } from '../src/verify/checksum-file.js';
import { globMatcher, fillTemplate } from '../src/assets/rules.js';
import { selectAsset } from '../src/assets/select.js';
import { isToolError } from '../src/core/errors.js';
import type { Platform } from '../src/core/platform.js';
import { versionFromTag } from '../src/core/version.js';
import { parseRegistryFile, REGISTRY_DIR } from '../src/registry/load.js';
import type { RegistryEntry } from '../src/registry/types.js';

/** dist/scripts/check-registry.js → the package root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES_DIR = join(ROOT, 'test', 'fixtures', 'real-assets');

export interface RealAssetsFixture {
  /** File name inside the fixtures directory ("gh.json"). */
  file: string;
  repo: string;
  tag: string;
  source: string;
  assets: string[];
  /** Platform key ("linux-x64-gnu", "darwin-arm64") → the asset a careful human would download. */
  expect: Record<string, string>;
  /** Platform keys where the expected asset is an x64 build run under Rosetta 2. */
  rosetta?: string[];
}

export interface Problem {
  file: string;
  field: string;
  message: string;
}

export interface RegistryCheck {
  entries: { file: string; entry: RegistryEntry }[];
  problems: Problem[];
  /** How many (entry, platform) picks were compared with a fixture. */
  picksChecked: number;
}

/**
 * Fixtures whose recorded tag is not a real tag, with the tag the checks use
 * instead. Only for tools whose asset names carry no version, where the tag
 * cannot change which asset is picked.
 */
export const TAG_STAND_INS: Record<string, { tag: string; why: string }> = {
  'atuin.json': { tag: 'v18.4.0', why: 'the fixture records "v18.x"; cargo-dist asset names carry no version' },
};

/**
 * Known mistakes in colleagues' fixtures, applied on load until the fixture file is fixed
 * (entries.test.ts fails once a correction no longer applies, so it gets removed).
 * `rename` replaces an asset name, `add` adds assets the real release has.
 */
export const FIXTURE_CORRECTIONS: Record<string, { rename?: Record<string, string>; add?: string[]; why: string }> = {
  'lefthook.json': {
    rename: { 'lefthook_1.10.1_checksums.txt': 'lefthook_checksums.txt' },
    why: "lefthook's .goreleaser.yml names the file '{{ .ProjectName }}_checksums.txt', and lefthook's own self-updater (internal/updater) downloads lefthook_checksums.txt",
  },
  'lazygit.json': {
    add: ['checksums.txt'],
    why: "lazygit's .goreleaser.yml sets checksum name_template 'checksums.txt'; install scripts fetch releases/latest/download/checksums.txt",
  },
};

/** A fixture with FIXTURE_CORRECTIONS applied. */
export function correctFixture(fixture: RealAssetsFixture): RealAssetsFixture {
  const correction = FIXTURE_CORRECTIONS[fixture.file];
  if (!correction) return fixture;
  const renamed = fixture.assets.map((name) => correction.rename?.[name] ?? name);
  return { ...fixture, assets: [...renamed, ...(correction.add ?? []).filter((name) => !renamed.includes(name))] };
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: field "${problem.field}" ${problem.message}`;
}

/** The real-assets fixtures, with FIXTURE_CORRECTIONS applied unless `raw`. */
export function loadFixtures(dir: string = FIXTURES_DIR, options: { raw?: boolean } = {}): RealAssetsFixture[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: name, ...(JSON.parse(readFileSync(join(dir, name), 'utf8')) as Omit<RealAssetsFixture, 'file'>) }))
    .map((fixture) => (options.raw ? fixture : correctFixture(fixture)));
}

/** "linux-x64-gnu" → {os, arch, libc}; the keys the fixtures use. */
export function parsePlatformKey(key: string): Platform {
  const [os, arch, libc] = key.split('-') as [Platform['os'], Platform['arch'], Platform['libc']];
  return libc ? { os, arch, libc } : { os, arch };
}

/** The tag and version a fixture release stands for, read the way `tool` reads tags for this entry. */
export function fixtureRelease(fixture: RealAssetsFixture, entry: RegistryEntry): { tag: string; version: string | undefined } {
  const tag = TAG_STAND_INS[fixture.file]?.tag ?? fixture.tag;
  return { tag, version: versionFromTag(tag, entry.tagPrefix) };
}

export function findFixture(fixtures: readonly RealAssetsFixture[], entry: RegistryEntry): RealAssetsFixture | undefined {
  return fixtures.find((fixture) => fixture.repo.toLowerCase() === entry.repo.toLowerCase());
}

/** A checksum file template filled for one asset, exactly as an install fills it. */
export function checksumFileName(template: string, entry: RegistryEntry, assetName: string, version: string, tag?: string): string {
  return checksumFileFor(template, assetName, { version, ...(tag ? { tag } : {}), repoName: entry.repo.split('/')[1]! });
}

function loadEntries(dir: string, problems: Problem[]): { file: string; entry: RegistryEntry }[] {
  const loaded: { file: string; entry: RegistryEntry }[] = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
    const file = join(dir, name);
    const base = name.slice(0, -'.json'.length);
    if (base !== base.toLowerCase()) problems.push({ file, field: 'name', message: 'must be lower case: `tool add` looks entries up in lower case' });
    try {
      loaded.push({ file, entry: parseRegistryFile(file, base) });
    } catch (error) {
      if (!isToolError(error, 'TOOL_BAD_REGISTRY')) throw error;
      const field = /field "([^"]+)"/.exec(error.message)?.[1] ?? '(file)';
      const message = error.message.startsWith(`${file}: field "${field}" `)
        ? error.message.slice(`${file}: field "${field}" `.length)
        : error.message.replace(`${file} `, '');
      problems.push({ file, field, message });
    }
  }
  return loaded;
}

function checkUnique(loaded: { file: string; entry: RegistryEntry }[], problems: Problem[]): void {
  const names = new Map<string, string>();
  const repos = new Map<string, string>();
  const bins = new Map<string, string>();
  for (const { entry } of loaded) names.set(entry.name.toLowerCase(), entry.name);
  for (const { file, entry } of loaded) {
    const repo = entry.repo.toLowerCase();
    const sameRepo = repos.get(repo);
    if (sameRepo) problems.push({ file, field: 'repo', message: `${entry.repo} is already the repo of registry entry "${sameRepo}"` });
    else repos.set(repo, entry.name);
    entry.bins.forEach((bin, i) => {
      const owner = bins.get(bin.name);
      if (owner !== undefined && owner !== entry.name) {
        problems.push({ file, field: `bins[${i}].name`, message: `"${bin.name}" is already exposed by registry entry "${owner}"` });
      } else if (owner === entry.name) {
        problems.push({ file, field: `bins[${i}].name`, message: `"${bin.name}" is listed twice` });
      }
      bins.set(bin.name, entry.name);
      const other = names.get(bin.name.toLowerCase());
      if (other !== undefined && other !== entry.name) {
        problems.push({ file, field: `bins[${i}].name`, message: `"${bin.name}" is the name of another registry entry; \`tool add ${bin.name}\` would mean that entry` });
      }
    });
  }
}

function checkPicks(file: string, entry: RegistryEntry, fixture: RealAssetsFixture, problems: Problem[]): number {
  const { tag, version } = fixtureRelease(fixture, entry);
  if (version === undefined) {
    problems.push({ file, field: 'tagPrefix', message: `cannot read a version from the tag "${tag}" of ${fixture.file}${entry.tagPrefix ? ` with prefix "${entry.tagPrefix}"` : ''}` });
    return 0;
  }
  const assets = fixture.assets.map((name) => ({ name }));
  let checked = 0;
  for (const [key, expected] of Object.entries(fixture.expect)) {
    checked++;
    const platform = parsePlatformKey(key);
    const field = ruleField(entry, key);
    try {
      const choice = selectAsset(assets, platform, { ...(entry.assets ? { rules: entry.assets } : {}), version, tag, toolName: entry.name });
      if (choice.asset.name !== expected) {
        problems.push({ file, field, message: `picks ${choice.asset.name} for ${key}; the real release ${fixture.repo} ${tag} (${fixture.file}) needs ${expected}` });
        continue;
      }
      const wantRosetta = fixture.rosetta?.includes(key) ?? false;
      if (choice.rosetta !== wantRosetta) {
        problems.push({ file, field, message: `picks ${expected} for ${key} with rosetta=${choice.rosetta}; ${fixture.file} says rosetta=${wantRosetta}` });
      }
    } catch (error) {
      if (!isToolError(error, 'TOOL_NO_MATCHING_ASSET')) throw error;
      problems.push({ file, field, message: `picks nothing for ${key}; the real release ${fixture.repo} ${tag} (${fixture.file}) needs ${expected}` });
    }
  }
  return checked;
}

/** The rule field a platform's pick comes from, for messages ("assets.linux-x64"), or "assets" when the heuristic decides. */
function ruleField(entry: RegistryEntry, key: string): string {
  const platform = parsePlatformKey(key);
  const base = `${platform.os}-${platform.arch}`;
  const keys = platform.libc ? [`${base}-${platform.libc}`, base] : [base];
  const hit = keys.find((candidate) => entry.assets?.[candidate] !== undefined);
  return hit ? `assets.${hit}` : 'assets';
}

function checkRules(file: string, entry: RegistryEntry, fixture: RealAssetsFixture, problems: Problem[]): void {
  const { tag, version } = fixtureRelease(fixture, entry);
  if (version === undefined) return;
  for (const [key, template] of Object.entries(entry.assets ?? {})) {
    const matches = globMatcher(fillTemplate(template, { version, tag }), { ignoreCase: false });
    const hits = fixture.assets.filter((name) => matches(name));
    if (hits.length !== 1) {
      problems.push({
        file,
        field: `assets.${key}`,
        message: hits.length === 0
          ? `"${template}" matches no asset of the real release ${fixture.repo} ${tag} (${fixture.file})`
          : `"${template}" matches ${hits.length} assets of ${fixture.repo} ${tag} (${hits.join(', ')}); a rule must name one`,
      });
    }
  }
}

function checkChecksumFile(file: string, entry: RegistryEntry, fixture: RealAssetsFixture, problems: Problem[]): void {
  const template = entry.checksum?.file;
  const { tag, version } = fixtureRelease(fixture, entry);
  if (!template || version === undefined) return;
  const missing = new Set<string>();
  for (const expected of Object.values(fixture.expect)) {
    const name = checksumFileName(template, entry, expected, version);
    if (!fixture.assets.includes(name)) missing.add(name);
  }
  if (missing.size > 0) {
    problems.push({ file, field: 'checksum.file', message: `"${template}" names ${[...missing].join(', ')}, not an asset of the real release ${fixture.repo} ${tag} (${fixture.file})` });
  }
}

/** Runs every check; never throws for bad registry data, only reports it. */
export function checkRegistry(options: { registryDir?: string; fixturesDir?: string } = {}): RegistryCheck {
  const problems: Problem[] = [];
  const registryDir = options.registryDir ?? REGISTRY_DIR;
  const fixtures = loadFixtures(options.fixturesDir ?? FIXTURES_DIR);
  const entries = loadEntries(registryDir, problems);
  checkUnique(entries, problems);
  let picksChecked = 0;
  for (const { file, entry } of entries) {
    const fixture = findFixture(fixtures, entry);
    if (!fixture) {
      problems.push({ file, field: 'repo', message: `${entry.repo} has no real-assets fixture in test/fixtures/real-assets/ (every entry needs one)` });
      continue;
    }
    picksChecked += checkPicks(file, entry, fixture, problems);
    checkRules(file, entry, fixture, problems);
    checkChecksumFile(file, entry, fixture, problems);
  }
  return { entries, problems, picksChecked };
}

function argValue(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

export function main(args: string[]): number {
  const registryDir = argValue(args, '--registry');
  const fixturesDir = argValue(args, '--fixtures');
  const result = checkRegistry({
    ...(registryDir ? { registryDir: resolve(registryDir) } : {}),
    ...(fixturesDir ? { fixturesDir: resolve(fixturesDir) } : {}),
  });
  if (result.problems.length > 0) {
    for (const problem of result.problems) console.error(formatProblem(problem));
    const files = new Set(result.problems.map((problem) => problem.file)).size;
    console.error(`registry: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
    return 1;
  }
  console.log(`registry: ${result.entries.length} entries, all valid (${result.picksChecked} platform picks match real release asset lists)`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && existsSync(process.argv[1]) && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
