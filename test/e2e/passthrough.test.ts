/**
 * Shims (fast path and the Node hand-over) and `tool run` pass arguments,
 * stdin, stdout, stderr, exit codes and signals through unchanged.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep } from '../support/catalog.js';
import { CLI, createSandbox, run, type RunOptions, type RunResult, type Sandbox } from '../support/sandbox.js';

type Runner = (args: string[], options?: RunOptions) => Promise<RunResult>;

describe('pass-through of arguments, stdio, exit codes and signals', () => {
  let box: Sandbox;
  let missDir: string;
  const runners: Record<string, Runner> = {};

  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.1.1');
    assert.equal((await box.tool(['add', 'ripgrep@14.1.1'])).code, 0);
    assert.equal((await box.tool(['run', 'ripgrep@13.0.0'])).code, 0);
    missDir = box.dir('user/miss');
    // A spec the index has never seen makes the shim hand over to Node every time it is new.
    runners['shim fast path'] = (args, options) => run(join(box.shims, 'rg'), args, box.env, { cwd: box.dir('user'), ...options });
    runners['tool run'] = (args, options) => run(process.execPath, [CLI, 'run', 'rg@13.0.0', '--', ...args], box.env, { cwd: box.dir('user'), ...options });
    let n = 0;
    runners['shim hand-over to Node'] = (args, options) => {
      n += 1;
      box.write(`user/miss/${n}/.tools`, `ripgrep >=13.0.0 <13.0.${n}\n`);
      return run(join(box.shims, 'rg'), args, box.env, { cwd: join(missDir, String(n)), ...options });
    };
  });
  after(() => box.close());

  for (const name of ['shim fast path', 'tool run', 'shim hand-over to Node']) {
    describe(name, () => {
      it('keeps arguments with spaces, quotes and empty strings intact', async () => {
        const result = await runners[name]!(['--args', 'a b', '', "it's", '--flag=x', '$HOME']);
        assert.equal(result.stdout, "[a b]\n[]\n[it's]\n[--flag=x]\n[$HOME]\n", result.stderr);
      });
      it('passes stdin to the tool and its stdout back', async () => {
        const result = await runners[name]!(['--cat'], { input: 'line one\nline two\n' });
        assert.equal(result.stdout, 'line one\nline two\n');
      });
      it('returns the tool exit code and its stderr', async () => {
        const result = await runners[name]!(['--stderr', 'oops']);
        assert.equal(result.stderr.trim().split('\n').pop(), 'oops');
        const exit = await runners[name]!(['--exit', '42']);
        assert.equal(exit.code, 42);
      });
      it('delivers SIGTERM to the tool and reports how it ended', async () => {
        const result = await runners[name]!(['--sleep'], {
          // Signal only once the tool itself is running (it says "ready" on stderr).
          onSpawn: (child) => {
            child.stderr?.on('data', (chunk: Buffer) => {
              if (chunk.toString().includes('ready')) child.kill('SIGTERM');
            });
          },
        });
        assert.match(result.stdout, /got TERM/, `code ${result.code} signal ${result.signal} stderr ${result.stderr}`);
        assert.equal(result.code, 143);
      });
    });
  }
});
