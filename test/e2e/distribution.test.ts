// Distribution (issue 10): the package as npm publishes it. `npm pack`, then a global install
// of that tarball into a temporary prefix, gives a working `tool` from a directory outside the
// repository: its registry/, shims/ (with the completion templates) and registry index are
// found from the installed location, and the shims it writes hand over to that copy.
// npm talks only to 127.0.0.1: the dependencies come from test/support/npm-registry.ts.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { codeCacheFor } from '../../src/bin/code-cache-stamp.js';
import { addRipgrep } from '../support/catalog.js';
import { startNpmRegistry, type NpmRegistry } from '../support/npm-registry.js';
import { createSandbox, run, type RunResult, type Sandbox } from '../support/sandbox.js';
import { addWidgets } from '../support/widgets.js';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

const ROOT = packageRoot();
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };
/** Where `tool` finds node; everything else on PATH is the system's. */
const SYSTEM_PATH = `${dirname(process.execPath)}:/usr/bin:/bin`;

function assertOk(result: RunResult, what: string): void {
  assert.equal(result.code, 0, `${what} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
}

describe('the npm package', () => {
  let work: string;
  let npmEnv: Record<string, string>;
  let registry: NpmRegistry;
  let packedFiles: string[];
  let prefix: string;
  let box: Sandbox;
  /** PATH as a user has it after the install and `tool setup`: shims, the prefix's bin, the system. */
  let userPath: string;

  before(async () => {
    work = realpathSync(mkdtempSync(join(tmpdir(), 'tool-dist-')));
    prefix = join(work, 'prefix');
    writeFileSync(join(work, 'npmrc'), '');
    // No user settings leak in; the cache is empty, so every package is fetched. Any host but
    // 127.0.0.1 goes through a proxy that refuses connections, so a request elsewhere fails the install.
    npmEnv = {
      npm_config_proxy: 'http://127.0.0.1:9',
      npm_config_https_proxy: 'http://127.0.0.1:9',
      npm_config_noproxy: '127.0.0.1',
      npm_config_fetch_retries: '0',
      PATH: process.env.PATH ?? SYSTEM_PATH,
      HOME: work,
      npm_config_userconfig: join(work, 'npmrc'),
      npm_config_cache: join(work, 'npm-cache'),
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
    registry = await startNpmRegistry(join(ROOT, 'node_modules'), Object.keys(PACKAGE.dependencies));
    // `npm test` built dist/ already; prepare (the same build) would rewrite it under the tests running beside this one.
    const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], npmEnv, { cwd: ROOT });
    assertOk(pack, 'npm pack');
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    packedFiles = packed!.files.map((file) => file.path);
    const install = await run('npm', ['install', '--global', '--prefix', prefix, '--registry', registry.url, join(work, packed!.filename)], npmEnv, { cwd: work });
    assertOk(install, 'npm install --global');
    box = await createSandbox();
    userPath = `${box.shims}:${join(prefix, 'bin')}:${SYSTEM_PATH}`;
  });

  after(async () => {
    await box?.close();
    await registry?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const tool = (args: string[], cwd = box.env.HOME!) => run('tool', args, { ...box.env, PATH: userPath }, { cwd });
  const sh = (command: string, cwd = box.env.HOME!) => run('/bin/sh', ['-c', command], { ...box.env, PATH: userPath }, { cwd });

  it('packs the built CLI with what it reads beside it, and no tests or sources', () => {
    for (const file of ['package.json', 'dist/bundle/tool.cjs', 'dist/registry-index.json', 'shims/posix.sh', 'shims/completions/complete.bash', 'shims/completions/complete.fish', 'shims/completions/complete.zsh', 'registry/ripgrep.json']) {
      assert.ok(packedFiles.includes(file), `${file} is not in the tarball`);
    }
    assert.deepEqual(packedFiles.filter((file) => /^(src|test|scripts|dist\/test|dist\/src)\//.test(file)), []);
  });

  it('installs its dependencies from the registry it is given, and puts `tool` in the prefix', async () => {
    for (const name of Object.keys(PACKAGE.dependencies)) assert.ok(registry.requested.has(name), `npm never asked the local registry for ${name}`);
    const found = await sh('command -v tool');
    assert.equal(found.stdout.trim(), join(prefix, 'bin', 'tool'));
    const version = await tool(['--version']);
    assertOk(version, 'tool --version');
    assert.equal(version.stdout.trim(), PACKAGE.version);
  });

  it('starts from the code caches it ships, though npm gave every file a new mtime', () => {
    const bundle = join(prefix, 'lib', 'node_modules', PACKAGE.name, 'dist', 'bundle');
    for (const file of ['front.cjs', 'core.cjs', 'rest.cjs']) assert.ok(codeCacheFor(join(bundle, file)), `${file} has no usable code cache`);
  });

  it('adds a tool from GitHub releases, and its shim runs it from another directory', async () => {
    addWidgets(box.server, 1, '1.2.0');
    assertOk(await tool(['add', 'acme/widget1']), 'tool add acme/widget1');
    const elsewhere = box.dir('elsewhere/deeper');
    const ran = await sh('widget1 --version', elsewhere);
    assertOk(ran, 'widget1 through its shim');
    assert.equal(ran.stdout.trim(), 'widget1 1.2.0');
    // The shim hands a miss over to the installed copy, not to the repository's build.
    const shim = readFileSync(join(box.shims, 'widget1'), 'utf8');
    assert.ok(shim.includes(join(prefix, 'lib', 'node_modules', PACKAGE.name, 'dist', 'bundle', 'tool.cjs')), shim);
    assert.ok(!shim.includes(ROOT), shim);
  });

  it('installs a tool from the shipped registry by its name, and completes with the shipped templates', async () => {
    addRipgrep(box.server, '14.1.0');
    assertOk(await tool(['add', 'ripgrep']), 'tool add ripgrep');
    const ran = await sh('rg --version', box.dir('another'));
    assertOk(ran, 'rg through its shim');
    assert.equal(ran.stdout.trim(), 'ripgrep 14.1.0');
    const search = await tool(['search', 'ripgrep']);
    assertOk(search, 'tool search ripgrep');
    assert.match(search.stdout, /BurntSushi\/ripgrep/);
    const completion = await tool(['completion', 'bash']);
    assertOk(completion, 'tool completion bash');
    assert.match(completion.stdout, /complete .*tool/);
  });
});
