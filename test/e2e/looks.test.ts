/**
 * How tool looks to a person: colour only where a person reads it (never a
 * pipe, never --json, never under NO_COLOR), the install line explaining a
 * musl build on a glibc machine, and an interrupted download saying so.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep } from '../support/catalog.js';
import { foreignAssetRelease } from '../support/foreign-release.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { startStallingHost, type StallingHost } from '../support/stalling-host.js';

const ESCAPE = /\x1b\[/;

describe('colour', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox({ env: { TERM: 'xterm-256color' } });
    addRipgrep(box.server, '14.1.1');
  });
  after(() => box.close());

  it('an error written to a pipe has no escape codes, even with a colour terminal type', async () => {
    const result = await box.tool(['which', 'no-such-exe']);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /^tool: /);
    assert.doesNotMatch(result.stderr, ESCAPE);
  });

  it('FORCE_COLOR colours the error prefix through a pipe, and NO_COLOR overrides it', async () => {
    const forced = await box.tool(['which', 'no-such-exe'], { env: { FORCE_COLOR: '1' } });
    assert.match(forced.stderr, /^\x1b\[1m\x1b\[31mtool:\x1b\[39m\x1b\[22m /);
    const plain = await box.tool(['which', 'no-such-exe'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    assert.match(plain.stderr, /^tool: /);
    assert.doesNotMatch(plain.stderr, ESCAPE);
  });

  it('--json is never coloured, even with FORCE_COLOR; human output is', async () => {
    const json = await box.tool(['add', 'ripgrep@14.1.1', '--json'], { env: { FORCE_COLOR: '1' } });
    assert.equal(json.code, 0, json.stderr);
    assert.doesNotMatch(json.stdout, ESCAPE);
    assert.equal(JSON.parse(json.stdout).version, '14.1.1');
    const list = await box.tool(['list'], { env: { FORCE_COLOR: '1' } });
    assert.match(list.stdout, /\x1b\[32m14\.1\.1\x1b\[39m/);
    assert.match(list.stdout, /^TOOL {4}/, 'the header is plain');
    const piped = await box.tool(['list']);
    assert.doesNotMatch(piped.stdout, ESCAPE);
  });
});

describe('the install line', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '14.1.1');
  });
  after(() => box.close());

  it('explains a static musl build chosen for a glibc machine', async () => {
    const result = await box.tool(['add', 'ripgrep@14.1.1']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^installing ripgrep 14\.1\.1 \(ripgrep-14\.1\.1-x86_64-unknown-linux-musl\.tar\.gz: a static musl build, runs on this glibc system\) for linux-x64-gnu$/m);
  });

  it('does not explain it on a musl machine, where it is the natural choice', async () => {
    const result = await box.tool(['x', 'ripgrep@14.1.1', '--', 'rg', '--version'], { env: { TOOL_LIBC: 'musl', TOOL_HOME: join(box.home, 'musl-home') } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /installing ripgrep 14\.1\.1 \(ripgrep-14\.1\.1-x86_64-unknown-linux-musl\.tar\.gz\) for linux-x64-musl/);
  });
});

describe('an interrupted download', () => {
  let box: Sandbox;
  let stalling: StallingHost;
  before(async () => {
    box = await createSandbox();
    stalling = await startStallingHost();
  });
  after(async () => {
    await stalling.close();
    await box.close();
  });

  it('says which version was not installed and that nothing was changed for it', async () => {
    const release = foreignAssetRelease('1.0.0', stalling);
    box.server.fail({ match: /^\/repos\/acme\/widget\/releases\/tags\/v1\.0\.0$/, status: 200, body: release });
    const result = await box.tool(['add', 'acme/widget@1.0.0'], {
      onSpawn: (child) => {
        let stderr = '';
        child.stderr?.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('installing acme/widget')) setTimeout(() => child.kill('SIGINT'), 300);
        });
      },
    });
    assert.equal(result.code, 130, result.stderr);
    assert.match(result.stderr, /\ninterrupted: acme\/widget 1\.0\.0 was not installed; nothing was changed for it\n$/);
    assert.doesNotMatch(result.stderr, ESCAPE, 'a pipe: no colour, no progress line');
    assert.equal(result.stdout, '');
    assert.ok(!existsSync(join(box.home, 'store/acme__widget/1.0.0')));
  });
});
