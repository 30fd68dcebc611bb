import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ToolError } from '../../../src/core/errors.js';
import { gateFirstRequest, isUnreachable } from '../../../src/github/reachability-gate.js';
import type { GitHubClient, Release } from '../../../src/github/types.js';

const refused = () => new ToolError('TOOL_NETWORK', 'cannot reach http://127.0.0.1:9: connection refused (ECONNREFUSED)', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
const flush = () => new Promise((resolve) => setImmediate(resolve));

/** A client whose listReleases answers are settled by the test, one per call, in call order. */
function scriptedClient() {
  const calls: string[] = [];
  const answers: Array<{ resolve(value: Release[]): void; reject(error: unknown): void }> = [];
  const client = {
    listReleases: (repo: string) => {
      calls.push(repo);
      return new Promise<Release[]>((resolve, reject) => answers.push({ resolve, reject }));
    },
  } as unknown as GitHubClient;
  return { client, calls, answers };
}

describe('isUnreachable', () => {
  it('is true for a network error with no connection made: refused, DNS, no route', () => {
    assert.equal(isUnreachable(refused()), true);
    for (const code of ['ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']) {
      assert.equal(isUnreachable(new ToolError('TOOL_NETWORK', 'x', { cause: { code } })), true, code);
    }
  });

  it('is true for an AggregateError of refused addresses (a name with IPv4 and IPv6 addresses)', () => {
    const cause = new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]);
    assert.equal(isUnreachable(new ToolError('TOOL_NETWORK', 'x', { cause })), true);
  });

  it('is false for an answer (403), a dropped transfer, another error code, or a plain Error', () => {
    assert.equal(isUnreachable(new ToolError('TOOL_NETWORK', 'refused access (403)')), false);
    assert.equal(isUnreachable(new ToolError('TOOL_NETWORK', 'x', { cause: { code: 'ECONNRESET' } })), false);
    assert.equal(isUnreachable(new ToolError('TOOL_SERVER_ERROR', 'x', { cause: { code: 'ECONNREFUSED' } })), false);
    assert.equal(isUnreachable(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })), false);
  });
});

describe('gateFirstRequest', () => {
  it('sends the first request alone; the others go once it is answered', async () => {
    const { client, calls, answers } = scriptedClient();
    const gate = gateFirstRequest(client);
    const results = ['a/1', 'a/2', 'a/3'].map((repo) => gate.client.listReleases(repo));
    await flush();
    assert.deepEqual(calls, ['a/1']);
    answers[0]!.resolve([]);
    await flush();
    assert.deepEqual(calls, ['a/1', 'a/2', 'a/3']);
    answers[1]!.resolve([]);
    answers[2]!.resolve([]);
    await Promise.all(results);
    assert.equal(gate.offline(), undefined);
  });

  it('when the first request cannot connect, the others fail with that error without a request', async () => {
    const { client, calls, answers } = scriptedClient();
    const gate = gateFirstRequest(client);
    const results = ['a/1', 'a/2', 'a/3'].map((repo) => gate.client.listReleases(repo).catch((error: unknown) => error));
    const error = refused();
    answers[0]!.reject(error);
    assert.deepEqual(await Promise.all(results), [error, error, error]);
    assert.deepEqual(calls, ['a/1']);
    assert.equal(gate.offline(), error);
    await assert.rejects(gate.client.listReleases('a/4'), (thrown) => thrown === error);
    assert.deepEqual(calls, ['a/1']);
  });

  it('an error answer from the server (not a connection failure) opens the gate', async () => {
    const { client, calls, answers } = scriptedClient();
    const gate = gateFirstRequest(client);
    const first = gate.client.listReleases('a/1').catch(() => 'failed');
    const second = gate.client.listReleases('a/2');
    answers[0]!.reject(new ToolError('TOOL_NOT_FOUND', 'GitHub has no repository a/1'));
    assert.equal(await first, 'failed');
    await flush();
    assert.deepEqual(calls, ['a/1', 'a/2']);
    answers[1]!.resolve([]);
    assert.deepEqual(await second, []);
    assert.equal(gate.offline(), undefined);
  });

  it('a connection failure later in the batch stops the calls that come after it', async () => {
    const { client, calls, answers } = scriptedClient();
    const gate = gateFirstRequest(client);
    const first = gate.client.listReleases('a/1');
    answers[0]!.resolve([]);
    await first;
    const second = gate.client.listReleases('a/2').catch((error: unknown) => error);
    await flush();
    answers[1]!.reject(refused());
    assert.ok(isUnreachable(await second));
    await assert.rejects(gate.client.listReleases('a/3'));
    assert.deepEqual(calls, ['a/1', 'a/2']);
  });
});
