/**
 * mise beside tool, for `npm run bench -- --with-mise`: the same releases from
 * the same server, mise's github backend pointed at it with its api_url tool
 * option. mise comes from the npm registry (@jdxcode/mise-linux-x64) into
 * node_modules/.cache; it is never a test dependency.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE = '@jdxcode/mise-linux-x64';
const CACHE = join(process.cwd(), 'node_modules/.cache/tool-bench');

/** The mise binary, fetched once; undefined (with the reason printed) where it cannot be had. */
export function obtainMise(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.log(`--with-mise: ${PACKAGE} exists for linux-x64 only; mise rows skipped`);
    return undefined;
  }
  const binary = join(CACHE, 'mise');
  if (existsSync(binary)) return binary;
  const scratch = mkdtempSync(join(tmpdir(), 'tool-bench-mise-'));
  try {
    const pack = spawnSync('npm', ['pack', PACKAGE, '--pack-destination', scratch, '--silent'], { encoding: 'utf8' });
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
    if (pack.status !== 0 || !tarball) {
      console.log(`--with-mise: npm pack ${PACKAGE} failed (${pack.stderr.trim().split('\n').pop()}); mise rows skipped`);
      return undefined;
    }
    spawnSync('tar', ['xzf', join(scratch, tarball), '-C', scratch]);
    mkdirSync(CACHE, { recursive: true });
    copyFileSync(join(scratch, 'package/bin/mise'), binary);
    chmodSync(binary, 0o755);
    return binary;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** mise's name for a release-server repository. */
export function miseTool(repo: string, apiUrl: string): string {
  return `github:${repo}[api_url=${apiUrl}]`;
}

/** A fresh mise home under `dir`: data, config, cache and state of its own, trusting configs under `trust`. */
export function miseEnv(dir: string, trust: string): NodeJS.ProcessEnv {
  mkdirSync(dir, { recursive: true });
  return {
    PATH: `${join(dir, 'data/shims')}:${process.env.PATH}`,
    HOME: dir,
    MISE_DATA_DIR: join(dir, 'data'),
    MISE_CONFIG_DIR: join(dir, 'config'),
    MISE_CACHE_DIR: join(dir, 'cache'),
    MISE_STATE_DIR: join(dir, 'state'),
    MISE_TRUSTED_CONFIG_PATHS: trust,
    MISE_EXPERIMENTAL: '1',
    MISE_YES: '1',
  };
}

/** A mise.toml asking for each repo at 1.0.0. */
export function writeMiseToml(dir: string, repos: readonly string[], apiUrl: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'mise.toml'), `[tools]\n${repos.map((repo) => `"github:${repo}" = { version = "1.0.0", api_url = "${apiUrl}" }`).join('\n')}\n`);
}
