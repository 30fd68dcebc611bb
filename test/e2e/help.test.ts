/**
 * What a new user types first: `tool` alone, `tool -v`, `tool help …`. Help
 * goes to stdout with exit 0, ends with examples of commands that exist, and
 * `tool help environment` prints the variables and exit codes README lists.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { environmentHelp } from '../../src/cli/reference.js';
import { PACKAGE_JSON } from '../../src/registry/package-files.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

describe('help', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
  });
  after(() => box.close());

  it('bare tool prints the help to stdout and exits 0, touching nothing', async () => {
    const home = join(box.root, 'never-created');
    const bare = await box.tool([], { env: { TOOL_HOME: home } });
    assert.equal(bare.code, 0);
    assert.equal(bare.stderr, '');
    assert.match(bare.stdout, /^Usage: tool \[options\] \[command\]\n/);
    assert.equal(bare.stdout, (await box.tool(['--help'])).stdout);
    assert.equal(bare.stdout, (await box.tool(['help'])).stdout);
    assert.ok(!existsSync(home));
  });

  it('-v, -V and --version print the version', async () => {
    const { version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
    for (const flag of ['-v', '-V', '--version']) {
      const result = await box.tool([flag]);
      assert.deepEqual([result.code, result.stdout, result.stderr], [0, `${version}\n`, ''], flag);
    }
  });

  it('ends with examples of add, pin, run, rollback, sync and setup, each a command the help lists', async () => {
    const help = (await box.tool(['--help'])).stdout;
    const [commands, examples] = help.split('\nExamples:\n') as [string, string];
    assert.ok(examples, 'an Examples section');
    const listed = new Set([...commands.matchAll(/^ {2}([a-z|]+)/gm)].flatMap((match) => match[1]!.split('|')));
    const used = [...examples.matchAll(/^ {2}tool ([a-z]+)/gm)].map((match) => match[1]!);
    assert.deepEqual(used, ['add', 'pin', 'run', 'rollback', 'sync', 'setup']);
    for (const command of used) assert.ok(listed.has(command), `tool ${command} is a command`);
    assert.match(examples, /`tool help environment`/);
    assert.ok(listed.has('setup') && listed.has('completion') && listed.has('help'));
  });

  it('tool help environment lists each variable and exit code, one line each', async () => {
    const result = await box.tool(['help', 'environment']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `${environmentHelp().join('\n')}\n`);
    for (const name of ['TOOL_HOME', 'TOOL_GITHUB_API_URL', 'GITHUB_TOKEN', 'GH_TOKEN', 'TOOL_REGISTRIES', 'TOOL_JOBS', 'TOOL_CONFIG_DIR', 'XDG_CONFIG_HOME', 'TOOL_<NAME>_VERSION', 'TOOL_OS', 'TOOL_ARCH', 'TOOL_LIBC', 'SHELL']) {
      assert.match(result.stdout, new RegExp(`^ {2}(\\S+, )*${name.replace(/[<>]/g, '.')}[ ,]`, 'm'), name);
    }
    for (const code of [0, 1, 2, 3, 4, 5, 6, 70]) assert.match(result.stdout, new RegExp(`^ {2}${code} +\\S`, 'm'), `exit code ${code}`);
  });

  it('tool help <command> is that command\'s help, aliases too; an unknown topic is a usage error', async () => {
    assert.equal((await box.tool(['help', 'add'])).stdout, (await box.tool(['add', '--help'])).stdout);
    assert.equal((await box.tool(['help', 'ls'])).stdout, (await box.tool(['list', '--help'])).stdout);
    const unknown = await box.tool(['help', 'frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^tool: .*'frobnicate' is invalid.* Allowed choices are add, .*environment\. Run `tool --help` for usage\n$/);
  });
});
