import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeNetworkError, isRetryableStatus, isUnreachable, rateLimitError, statusError } from '../../../src/github/http-errors.js';

const url = new URL('https://ghe.example.test/api/v3/repos/BurntSushi/ripgrep/releases');
const now = new Date('2030-01-01T00:00:00Z');
const resetSeconds = String(now.getTime() / 1000 + 25 * 60);

describe('rateLimitError', () => {
  it('explains an exhausted 403 with the reset time and a GITHUB_TOKEN hint', () => {
    const error = rateLimitError(
      403,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': resetSeconds, 'x-ratelimit-limit': '60' },
      url,
      false,
      now,
    );
    assert.ok(error);
    assert.equal(error.code, 'TOOL_RATE_LIMITED');
    assert.ok(error.message.includes('60 requests/hour'), error.message);
    assert.ok(error.message.includes('https://ghe.example.test'), error.message);
    assert.ok(error.message.includes('2030-01-01T00:25:00.000Z'), error.message);
    assert.ok(error.message.includes('in 25 min'), error.message);
    assert.ok(error.hint?.includes('GITHUB_TOKEN'), error.hint);
  });

  it('leaves out the token hint when a token is already set', () => {
    const error = rateLimitError(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': resetSeconds }, url, true, now);
    assert.ok(error);
    assert.ok(!error.hint?.includes('GITHUB_TOKEN'), error.hint);
    assert.ok(error.message.includes('2030-01-01T00:25:00.000Z'), error.message);
  });

  it('returns undefined for a 403 that is not a rate limit', () => {
    assert.equal(rateLimitError(403, {}, url, false, now), undefined);
    assert.equal(rateLimitError(403, { 'x-ratelimit-remaining': '42' }, url, false, now), undefined);
  });

  it('returns undefined for statuses other than 403 and 429', () => {
    assert.equal(rateLimitError(404, { 'x-ratelimit-remaining': '0' }, url, false, now), undefined);
    assert.equal(rateLimitError(500, { 'retry-after': '10' }, url, false, now), undefined);
  });

  it('explains a 429 with retry-after', () => {
    const error = rateLimitError(429, { 'retry-after': '30' }, url, false, now);
    assert.ok(error);
    assert.equal(error.code, 'TOOL_RATE_LIMITED');
    assert.ok(error.message.includes('retry after 30 s'), error.message);
  });

  it('treats a 403 with retry-after as GitHub\'s secondary rate limit', () => {
    const error = rateLimitError(403, { 'retry-after': '60' }, url, true, now);
    assert.ok(error);
    assert.ok(error.message.includes('retry after 60 s'), error.message);
  });

  it('treats a bare 429 as a secondary rate limit without a time, where a token does not help', () => {
    const error = rateLimitError(429, {}, url, false, now);
    assert.ok(error);
    assert.match(error.message, /secondary rate limit/);
    assert.ok(!error.hint?.includes('GITHUB_TOKEN'), error.hint);
  });

  it('prefers retry-after over the hourly reset when the hourly limit is not used up', () => {
    const error = rateLimitError(429, { 'retry-after': '30', 'x-ratelimit-remaining': '17', 'x-ratelimit-reset': resetSeconds }, url, false, now);
    assert.ok(error);
    assert.match(error.message, /retry after 30 s/);
    assert.doesNotMatch(error.toLine(), /min\)/);
  });
});

describe('statusError', () => {
  it('reports server errors as TOOL_SERVER_ERROR naming the URL and what was fetched', () => {
    const error = statusError(502, url, 'the release list');
    assert.equal(error.code, 'TOOL_SERVER_ERROR');
    assert.ok(error.message.includes(url.href), error.message);
    assert.ok(error.message.includes('502'), error.message);
    assert.ok(error.message.includes('the release list'), error.message);
  });

  it('reports a refused token with a hint about GITHUB_TOKEN', () => {
    const error = statusError(401, url, 'releases');
    assert.equal(error.code, 'TOOL_NETWORK');
    assert.ok(error.message.includes('401'), error.message);
    assert.ok(error.hint?.includes('GITHUB_TOKEN'), error.hint);
  });

  it('reports other statuses as TOOL_NETWORK', () => {
    const error = statusError(404, url, 'releases');
    assert.equal(error.code, 'TOOL_NETWORK');
    assert.equal(error.message, `${url.href} answered 404 while fetching releases`);
  });
});

describe('isRetryableStatus', () => {
  it('retries only transient server errors', () => {
    for (const status of [500, 502, 503, 504]) assert.equal(isRetryableStatus(status), true, String(status));
    for (const status of [200, 304, 400, 401, 403, 404, 429, 501]) assert.equal(isRetryableStatus(status), false, String(status));
  });
});

describe('describeNetworkError', () => {
  it('says what a known network error means with its code, else the code and message, the message or the value', () => {
    assert.equal(describeNetworkError(Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED' })), 'connection refused (ECONNREFUSED)');
    assert.equal(describeNetworkError(Object.assign(new Error('weird'), { code: 'EWEIRD' })), 'EWEIRD (weird)');
    assert.equal(describeNetworkError(new Error('socket hang up')), 'socket hang up');
    assert.equal(describeNetworkError('boom'), 'boom');
  });
});

describe('isUnreachable', () => {
  const failure = (code: string) => Object.assign(new Error(code), { code });

  it('takes a refused connection, an unknown name, an unanswered DNS and no route for "offline": not worth a retry', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']) assert.equal(isUnreachable(failure(code)), true, code);
  });

  it('retries what broke off after connecting: a reset, a timeout, a closed pipe', () => {
    for (const code of ['ECONNRESET', 'ETIMEDOUT', 'EPIPE']) assert.equal(isUnreachable(failure(code)), false, code);
  });

  it('reads the code of the first address when connecting to every address of a name failed (AggregateError)', () => {
    const all = new AggregateError([failure('ECONNREFUSED'), failure('ECONNREFUSED')], 'connect failed');
    assert.equal(isUnreachable(all), true);
    assert.equal(describeNetworkError(all), 'connection refused (ECONNREFUSED)');
  });
});

describe('describeNetworkError for the idle timeout', () => {
  it('says how long the host was silent rather than a bare "timed out"', () => {
    const idle = Object.assign(new Error('no data from 127.0.0.2:8443 for 1 s'), { name: 'IdleTimeoutError', code: 'ETIMEDOUT' });
    assert.equal(describeNetworkError(idle), 'no data from 127.0.0.2:8443 for 1 s');
  });
});
