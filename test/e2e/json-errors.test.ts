/** Under --json an error is one JSON object on stderr, with the same exit code as the line it replaces. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

describe('errors under --json', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
  });
  after(() => box.close());

  it('prints {"error":{code,message,hint,exit}} on stderr and nothing on stdout', async () => {
    const plain = await box.tool(['which', 'nonexistent-tool-xyz']);
    const json = await box.tool(['which', 'nonexistent-tool-xyz', '--json']);
    assert.equal(json.code, plain.code);
    assert.notEqual(json.code, 0);
    assert.equal(json.stdout, '');
    const parsed = JSON.parse(json.stderr) as { formatVersion: number; error: { code: string; message: string; hint: string | null; exit: number } };
    assert.deepEqual(Object.keys(parsed), ['formatVersion', 'error']);
    assert.deepEqual(Object.keys(parsed.error), ['code', 'message', 'hint', 'exit']);
    assert.match(parsed.error.code, /^TOOL_[A-Z_]+$/);
    assert.equal(parsed.error.exit, json.code);
    assert.ok(plain.stderr.startsWith(`tool: ${parsed.error.message}`), `${plain.stderr} / ${parsed.error.message}`);
  });

  it('gives a setting error as JSON too, with hint', async () => {
    const json = await box.tool(['list', '--json'], { env: { TOOL_HOME: 'relative/home' } });
    assert.equal(json.code, 6);
    assert.deepEqual(JSON.parse(json.stderr), { formatVersion: 1, error: { code: 'TOOL_BAD_SETTING', message: 'TOOL_HOME="relative/home" is a relative path; it would name another directory wherever tool runs', hint: 'Set TOOL_HOME to an absolute path, such as "$PWD/relative/home", or unset it', exit: 6 } });
  });

  it('leaves a --json meant for the tool run after -- alone', async () => {
    const result = await box.tool(['run', 'nonexistent-tool-xyz', '--', '--json']);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /^tool: /);
  });
});
