/** `tool search`, `tool info` and `tool add --dry-run [--json]`, through the built CLI. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep } from '../support/catalog.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

describe('what the registry knows, and what an add would do', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '14.1.1');
  });
  after(() => box.close());

  it('tool search finds tools by name, executable and description words', async () => {
    const byExe = await box.tool(['search', 'rg']);
    assert.equal(byExe.code, 0, byExe.stderr);
    assert.match(byExe.stdout, /^ripgrep\s+BurntSushi\/ripgrep\s+rg\s+/m);
    const byWords = await box.tool(['search', 'json', '--json']);
    const names = (JSON.parse(byWords.stdout).results as { tool: string }[]).map((hit) => hit.tool);
    assert.ok(names.includes('jq'), names.join(','));
    const none = await box.tool(['search', 'zzzznothing']);
    assert.match(none.stdout, /no registry entry matches "zzzznothing"; any GitHub project works as owner\/repo/);
  });

  it('tool info shows the registry entry: executables, asset rules, checksums, self-update', async () => {
    const info = await box.tool(['info', 'yt-dlp']);
    assert.equal(info.code, 0, info.stderr);
    assert.match(info.stdout, /^yt-dlp \(yt-dlp\/yt-dlp\)$/m);
    assert.match(info.stdout, /linux-x64-gnu: yt-dlp_linux$/m);
    assert.match(info.stdout, /checksums: SHA2-256SUMS/);
    assert.match(info.stdout, /updates itself: yes \(`-U`, rename-dance\)/);
    assert.match(info.stdout, /installed: none/);
  });

  it('tool add --dry-run names the asset for another platform, why, and the runners-up, downloading nothing', async () => {
    const result = await box.tool(['add', 'ripgrep', '--dry-run'], { env: { TOOL_OS: 'darwin', TOOL_ARCH: 'arm64' } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /ripgrep 14\.1\.1 \(14\.1\.1\) for darwin-arm64: ripgrep-14\.1\.1-aarch64-apple-darwin\.tar\.gz/);
    assert.match(result.stdout, /why: registry rule darwin-arm64/);
    assert.match(result.stdout, /runner-up: ripgrep-14\.1\.1-x86_64-apple-darwin\.tar\.gz/);
    assert.ok(box.server.requests.every((r) => r.server === 'api'), 'only release metadata was fetched');
    assert.ok(!existsSync(join(box.home, 'store/ripgrep')));
  });

  it('tool add --dry-run --json gives the same choice as data', async () => {
    const result = await box.tool(['add', 'BurntSushi/ripgrep', '--dry-run', '--json'], { env: { TOOL_LIBC: 'musl' } });
    const preview = JSON.parse(result.stdout);
    assert.equal(preview.asset, 'ripgrep-14.1.1-x86_64-unknown-linux-musl.tar.gz');
    assert.equal(preview.platform, 'linux-x64-musl');
    assert.equal(preview.checksum, 'checksum file ripgrep-14.1.1-x86_64-unknown-linux-musl.tar.gz.sha256');
    assert.ok(Array.isArray(preview.runnersUp));
  });
});
