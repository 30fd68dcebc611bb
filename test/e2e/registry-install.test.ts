// Every registry entry installs through the real CLI from the local release server, from a
// release whose assets are named exactly like the real release in test/fixtures/real-assets/.
// The asset the sandbox platform (linux-x64-gnu) picks is a real archive of the real format with
// a fake tool at the path the real archive uses; checksum files hold correct SHA-256 lines in
// the real release's format. Assets carry no GitHub digest (as in releases before mid-2025), so
// each entry's checksum template is what verifies the download. One sandbox for the whole
// registry keeps this fast.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { isPerAssetSumFile } from '../../src/verify/checksum-file.js';
import { archiveKindOf, stripArchiveSuffix } from '../../src/archive/kind.js';
import { nonBinaryKind } from '../../src/assets/non-binary.js';
import { loadRegistry } from '../../src/registry/load.js';
import type { RegistryEntry } from '../../src/registry/types.js';
import { checksumFileName, findFixture, fixtureRelease, loadFixtures, type RealAssetsFixture } from '../../scripts/check-registry.js';
import { gzip, makeTarGz, makeZip, type ArchiveEntry } from '../support/archives.js';
import { fakeToolScript } from '../support/fixture-tools.js';
import type { FakeAsset, FakeRelease } from '../support/release-server.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

const PREBUILT = join(packageRoot(), 'test', 'fixtures', 'registry-archives');
const PLATFORM = 'linux-x64-gnu';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/**
 * Where the executables sit inside each tool's real linux x64 archive. `dir` is the top-level
 * directory ("<stem>": the asset name without its archive suffix; "." for tarballs whose entries
 * start with "./"), `bins` overrides an executable's path below it, `extra` adds the other files
 * real archives carry (man pages, completions, licences).
 */
interface Layout {
  dir?: string;
  bins?: Record<string, string>;
  extra?: string[];
}
const STEM = '<stem>';
const LAYOUTS: Record<string, Layout> = {
  age: { dir: 'age', extra: ['LICENSE'] },
  'ast-grep': {},
  atuin: { dir: STEM, extra: ['README.md', 'LICENSE', 'CHANGELOG.md'] },
  bat: { dir: STEM, extra: ['bat.1', 'autocomplete/bat.bash', 'autocomplete/bat.zsh', 'LICENSE-MIT', 'README.md'] },
  bottom: { extra: ['completion/btm.bash', 'completion/_btm', 'manpage/btm.1'] },
  bun: { dir: STEM },
  caddy: { extra: ['LICENSE', 'README.md'] },
  delta: { dir: STEM, extra: ['LICENSE', 'README.md'] },
  deno: {},
  dust: { dir: STEM, extra: ['README.md', 'LICENSE'] },
  eza: { dir: '.' },
  fd: { dir: STEM, extra: ['fd.1', 'autocomplete/fd.bash', 'autocomplete/_fd', 'LICENSE-MIT', 'README.md'] },
  fzf: {},
  gh: { dir: STEM, bins: { gh: 'bin/gh' }, extra: ['share/man/man1/gh.1', 'LICENSE'] },
  gitleaks: { extra: ['LICENSE', 'README.md'] },
  glow: { dir: STEM, extra: ['completions/glow.bash', 'manpages/glow.1.gz', 'LICENSE', 'README.md'] },
  'golangci-lint': { dir: STEM, extra: ['LICENSE', 'README.md'] },
  gum: { dir: STEM, extra: ['completions/gum.bash', 'manpages/gum.1.gz', 'LICENSE', 'README.md'] },
  hyperfine: { dir: STEM, extra: ['hyperfine.1', 'autocomplete/hyperfine.bash', 'LICENSE-MIT', 'README.md'] },
  just: { extra: ['just.1', 'completions/just.bash', 'LICENSE', 'README.md'] },
  k9s: { extra: ['LICENSE', 'README.md'] },
  lazygit: { extra: ['LICENSE', 'README.md'] },
  rclone: { dir: STEM, extra: ['rclone.1', 'README.html', 'README.txt', 'git-log.txt'] },
  ripgrep: { dir: STEM, extra: ['doc/rg.1', 'complete/rg.bash', 'README.md'] },
  ruff: { dir: STEM },
  sd: { dir: STEM, extra: ['sd.1', 'completions/sd.bash', 'README.md'] },
  starship: {},
  task: { extra: ['completion/bash/task.bash', 'LICENSE', 'README.md'] },
  tflint: {},
  tokei: {},
  uv: { dir: STEM },
  zellij: {},
  zoxide: { extra: ['man/man1/zoxide.1', 'completions/zoxide.bash', 'CHANGELOG.md', 'LICENSE', 'README.md'] },
};

const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');
const hashOf = (algorithm: string, body: Buffer) => createHash(algorithm).update(body).digest('hex');

function archiveEntries(layout: Layout, stem: string, entry: RegistryEntry, script: Buffer): ArchiveEntry[] {
  const dir = layout.dir === STEM ? stem : layout.dir;
  const under = (path: string) => (dir ? `${dir}/${path}` : path);
  const files: ArchiveEntry[] = [
    ...entry.bins.map((bin) => ({ path: under(layout.bins?.[bin.name] ?? bin.name), body: script, mode: 0o755 })),
    ...(layout.extra ?? []).map((path) => ({ path: under(path), body: `${path} of ${entry.name}\n` })),
  ];
  // Real archives list every parent directory before its files.
  const dirs = new Set<string>();
  for (const file of files) {
    const parts = file.path.split('/').slice(0, -1);
    parts.forEach((_, i) => dirs.add(`${parts.slice(0, i + 1).join('/')}/`));
  }
  return [...[...dirs].map((path) => ({ path, type: 'dir' as const })), ...files];
}

/** The bytes of the asset the sandbox platform installs: a real archive of the asset's real format. */
function installedAssetBody(entry: RegistryEntry, assetName: string, script: Buffer): Buffer {
  const prebuilt = join(PREBUILT, assetName);
  if (existsSync(prebuilt)) return readFileSync(prebuilt);
  const kind = entry.format ?? archiveKindOf(assetName);
  if (kind === 'raw') return script;
  if (kind === 'gz') return gzip(script);
  const layout = LAYOUTS[entry.name];
  if (!layout) throw new Error(`no archive layout for ${entry.name} (${assetName}): add one to LAYOUTS`);
  const files = archiveEntries(layout, stripArchiveSuffix(assetName), entry, script);
  if (kind === 'tar.gz') return makeTarGz(files);
  if (kind === 'zip') return makeZip(files);
  throw new Error(`${assetName} is ${kind}: build it once with test/fixtures/registry-archives/make-archives.mjs`);
}

/** A checksum file's text in the format its real release uses; `sums` maps asset names to bodies. */
function checksumText(entry: RegistryEntry, sums: [string, Buffer][]): string {
  const lines = (format: (name: string, body: Buffer) => string) => sums.map(([name, body]) => format(name, body)).join('');
  switch (entry.name) {
    case 'rclone': // PGP-clearsigned
      return `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1\n\n${lines((n, b) => `${sha256(b)}  ${n}\n`)}-----BEGIN PGP SIGNATURE-----\n\nwsBcBAEBCAAQBQJnN1xXCRDLaIi9xUZ8oAAAx2MIAJfake\n=Ab12\n-----END PGP SIGNATURE-----\n`;
    case 'yq': // one line per file: name, then CRC32, MD4, MD5, SHA1, SHA224, SHA256, SHA384, SHA512
      return lines((n, b) => `${n}  ${crc32(b).toString(16).padStart(8, '0')} ${'0'.repeat(32)} ${hashOf('md5', b)} ${hashOf('sha1', b)} ${hashOf('sha224', b)} ${sha256(b)} ${hashOf('sha384', b)} ${hashOf('sha512', b)}\n`);
    case 'ruff':
    case 'uv': // cargo-dist writes binary-mode lines
      return lines((n, b) => `${sha256(b)} *${n}\n`);
    case 'starship': // just the hash
      return `${sha256(sums[0]![1])}\n`;
    default: // "<hex>  <name>", as sha256sum and goreleaser write it
      return lines((n, b) => `${sha256(b)}  ${n}\n`);
  }
}

interface Plan {
  entry: RegistryEntry;
  fixture: RealAssetsFixture;
  tag: string;
  version: string;
  asset: string;
  release: FakeRelease;
  /** What `tool add` must say about verification. */
  verification: RegExp;
}

function planFor(entry: RegistryEntry, fixtures: RealAssetsFixture[]): Plan {
  const fixture = findFixture(fixtures, entry);
  if (!fixture) throw new Error(`${entry.name} has no real-assets fixture`);
  const { tag, version } = fixtureRelease(fixture, entry);
  const asset = fixture.expect[PLATFORM];
  if (!version || !asset) throw new Error(`${fixture.file}: no version in ${tag} or no ${PLATFORM} pick`);
  const script = fakeToolScript(entry.name, version);
  const bodies = new Map<string, Buffer>(fixture.assets.map((name) => [name, Buffer.from(`placeholder for ${name}\n`)]));
  bodies.set(asset, installedAssetBody(entry, asset, script));
  const programs = fixture.assets.filter((name) => nonBinaryKind(name) === undefined || nonBinaryKind(name) === 'package');
  const template = entry.checksum?.file;
  const sumsFile = template ? checksumFileName(template, entry, asset, version, tag) : undefined;
  if (sumsFile) {
    const perAsset = isPerAssetSumFile(sumsFile, asset);
    const covered = perAsset ? [asset] : programs;
    bodies.set(sumsFile, Buffer.from(checksumText(entry, covered.map((name) => [name, bodies.get(name)!]))));
  }
  realChecksumsWithoutTemplate(entry, fixture, bodies, asset, script);
  const assets: FakeAsset[] = fixture.assets.map((name) => ({ name, body: bodies.get(name)!, digest: false }));
  return {
    entry,
    fixture,
    tag,
    version,
    asset,
    release: { tag, assets },
    verification: sumsFile ? new RegExp(`sha256 verified against ${escape(sumsFile)}`) : /unverified, sha256 [0-9a-f]{12}… recorded/,
  };
}

/**
 * Checksum files that real releases publish but the entry does not name, in their real form,
 * so the fallback that reads them is exercised: caddy's sums are SHA-512, zellij's hash the
 * binary inside the archive. Neither may verify (or fail) the archive.
 */
function realChecksumsWithoutTemplate(entry: RegistryEntry, fixture: RealAssetsFixture, bodies: Map<string, Buffer>, asset: string, script: Buffer): void {
  if (entry.name === 'caddy') {
    const file = fixture.assets.find((name) => name.endsWith('_checksums.txt'))!;
    bodies.set(file, Buffer.from(`${hashOf('sha512', bodies.get(asset)!)}  ${asset}\n`));
  }
  if (entry.name === 'zellij') {
    for (const name of fixture.assets.filter((file) => file.endsWith('.sha256sum'))) {
      const triple = name.slice('zellij-'.length, -'.sha256sum'.length);
      bodies.set(name, Buffer.from(`${sha256(script)}  target/${triple}/release/zellij\n`));
    }
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const registry = loadRegistry().all();
const fixtures = loadFixtures();
const plans = registry.map((entry) => planFor(entry, fixtures));

describe('every registry entry installs from assets named like its real release', () => {
  let box: Sandbox;

  before(async () => {
    box = await createSandbox();
    for (const plan of plans) box.server.addRelease(plan.entry.repo, plan.release);
  });
  after(() => box.close());

  for (const plan of plans) {
    const { entry, version, asset } = plan;
    it(entry.name, async (t) => {
      const added = await box.tool(['add', entry.name]);
      assert.equal(added.code, 0, `${added.stdout}\n${added.stderr}`);
      const installed = added.stdout.split('\n')[0] ?? '';
      assert.ok(installed.startsWith(`installed: ${entry.name} ${version} (${asset}, `), installed);
      assert.match(installed, plan.verification);
      t.diagnostic(installed);
      for (const bin of entry.bins) {
        const ran = await box.sh(`${bin.name} --version`);
        assert.equal(ran.stdout, `${entry.name} ${version}\n`, `${bin.name} through its shim: ${ran.stderr}`);
        assert.equal(ran.code, 0);
      }
    });
  }
});
