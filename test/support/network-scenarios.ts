/**
 * The network faults `tool` must survive, one row each: the fault, how to make
 * the fake GitHub produce it, and what the user must see (a verified install,
 * or one clear line with the right exit code; never a hang, a stack trace or a
 * partial install). Every `tool add` runs the real built CLI against the
 * loopback release server (network-scenario-run.ts).
 *
 * test/e2e/network-faults.test.ts runs every row as a test. The faults suite
 * prints one figure a row:
 *
 *   for (const scenario of networkScenarios) console.log(`${scenario.name}: ${await runNetworkScenario(scenario)}`);
 *
 * runNetworkScenario throws an AssertionError when the row fails.
 */
import assert from 'node:assert/strict';
import { CDN_BLOB, DOWNLOAD, TAG, type NetworkScenario, type ScenarioRun } from './network-scenario-run.js';

export { runNetworkScenario, type NetworkScenario } from './network-scenario-run.js';

/** Where the cut-off faults stop sending: a third of the way into the asset. */
const CUT = 128 * 1024;
/** Short enough for the suite, long enough for loopback. */
const FAST_TIMEOUT = { TOOL_HTTP_TIMEOUT: '1' };

/** The byte the second request of the asset's bytes resumed from (its Range header), after checking there were exactly two. */
function resumedFrom(run: ScenarioRun): number {
  const blobs = run.requests(CDN_BLOB);
  assert.equal(blobs.length, 2, 'one broken transfer, one resumed one');
  assert.equal(blobs[0]!.headers.range, undefined, 'the first request asks for the whole file');
  const from = Number(/^bytes=(\d+)-$/.exec(blobs[1]!.headers.range ?? '')?.[1]);
  assert.ok(from > 0 && from <= CUT, `resumed with Range from the first missing byte, got ${blobs[1]!.headers.range}`);
  assert.ok(blobs[1]!.headers['if-range'], 'with If-Range, so a changed file is not spliced');
  return from;
}

function retriedWhole(run: ScenarioRun): number {
  const blobs = run.requests(CDN_BLOB);
  assert.equal(blobs.length, 2, 'one refused answer, one good one');
  assert.ok(blobs.every((request) => request.headers.range === undefined), 'nothing was kept from the refused answer');
  return blobs.length;
}

let rateReset = 0;

export const networkScenarios: NetworkScenario[] = [
  {
    name: 'connection reset mid-body',
    tool: 'archive',
    arrange: (box) => box.server.fail({ match: CDN_BLOB, cut: CUT, after: 'reset' }),
    expect: 'installed',
    check: (run) => `resumed with Range from byte ${resumedFrom(run)} of ${run.asset.body.length}; one SHA-256 over both parts matches the digest`,
  },
  {
    name: 'reset mid-body, then a server that ignores Range',
    tool: 'archive',
    arrange: (box) => {
      box.server.fail({ match: CDN_BLOB, cut: CUT, after: 'reset' });
      box.server.fail({ match: CDN_BLOB, ignoreRange: true });
    },
    expect: 'installed',
    check: (run) => `whole file again (200, same ETag): the first ${resumedFrom(run)} bytes skipped, digest matches`,
  },
  {
    name: 'file replaced on the server between reset and resume',
    tool: 'archive',
    arrange: (box) => {
      box.server.fail({ match: CDN_BLOB, cut: CUT, after: 'reset' });
      // If-Range no longer matches, so the server sends a whole (different) file.
      box.server.fail({ match: CDN_BLOB, ignoreRange: true, headers: { etag: '"a-new-build"' } });
    },
    expect: { code: 4, line: /download of netfault_1\.0\.0_linux_amd64\.tar\.gz from http:\S+ broke off at byte \d+ of \d+ and cannot be resumed: the server sent the whole file again, and it may have changed\. Nothing was installed/ },
    check: (run) => `not spliced: resumed from byte ${resumedFrom(run)}, got a whole file with another ETag, one line (exit ${run.result.code})`,
  },
  {
    name: 'stalled body',
    tool: 'archive',
    env: FAST_TIMEOUT,
    arrange: (box) => box.server.fail({ match: CDN_BLOB, cut: CUT, after: 'stall' }),
    expect: 'installed',
    check: (run) => `idle timeout (TOOL_HTTP_TIMEOUT=1) fired, resumed from byte ${resumedFrom(run)}; installed`,
  },
  {
    name: 'body that keeps stalling',
    tool: 'archive',
    env: { ...FAST_TIMEOUT, TOOL_HTTP_RETRIES: '1' },
    arrange: (box) => box.server.fail({ match: CDN_BLOB, cut: CUT, after: 'stall', times: 2 }),
    expect: { code: 4, line: /download of netfault_1\.0\.0_linux_amd64\.tar\.gz from http:\S+ failed at byte \d+ of \d+ after 1 retry: no data from [\d.]+:\d+ for 1 s\. .*TOOL_HTTP_TIMEOUT/ },
    check: (run) => `${run.requests(CDN_BLOB).length} attempts of 1 s idle each, then one line (exit ${run.result.code})`,
  },
  {
    name: 'stalled API answer',
    tool: 'archive',
    env: FAST_TIMEOUT,
    arrange: (box) => box.server.fail({ match: TAG('archive'), cut: 20, after: 'stall' }),
    expect: 'installed',
    check: (run) => {
      assert.equal(run.requests(TAG('archive')).length, 2);
      return 'release JSON stalled after 20 bytes: asked again after the 1 s idle timeout; installed';
    },
  },
  {
    name: 'API that never answers',
    tool: 'archive',
    env: { ...FAST_TIMEOUT, TOOL_HTTP_RETRIES: '1' },
    arrange: (box) => box.server.fail({ match: TAG('archive'), silent: true, times: 10 }),
    expect: { code: 4, line: /cannot reach http:\/\/127\.0\.0\.1:\d+: no data from 127\.0\.0\.1:\d+ for 1 s\. .*TOOL_HTTP_TIMEOUT/ },
    check: (run) => {
      assert.equal(run.requests(TAG('archive')).length, 2, 'one request and one retry');
      return `no headers within 1 s, twice (1 + TOOL_HTTP_RETRIES=1), then one line (exit ${run.result.code})`;
    },
  },
  {
    name: 'Content-Length smaller than the body',
    tool: 'raw',
    arrange: (box) => box.server.fail({ match: CDN_BLOB, lengthDelta: -4096 }),
    expect: 'installed',
    check: (run) => `announced 4096 bytes fewer than the release lists: refused before use, ${retriedWhole(run)} requests; every byte installed (asset has no published hash)`,
  },
  {
    name: 'Content-Length larger than the body',
    tool: 'raw',
    arrange: (box) => box.server.fail({ match: CDN_BLOB, lengthDelta: 4096, after: 'close' }),
    expect: 'installed',
    check: (run) => `announced 4096 bytes more than the release lists: refused before use, ${retriedWhole(run)} requests; every byte installed`,
  },
  {
    name: 'body closed before its announced length',
    tool: 'raw',
    arrange: (box) => box.server.fail({ match: CDN_BLOB, cut: CUT, after: 'close' }),
    expect: 'installed',
    check: (run) => `closed at byte ${CUT} of ${run.asset.body.length}: counted short, resumed from byte ${resumedFrom(run)}; every byte installed (asset has no published hash)`,
  },
  {
    name: 'redirect loop',
    tool: 'archive',
    arrange: (box) => box.server.fail({ match: DOWNLOAD('archive'), status: 302, headers: { location: './netfault_1.0.0_linux_amd64.tar.gz' }, times: 50 }),
    expect: { code: 4, line: /netfault_1\.0\.0_linux_amd64\.tar\.gz redirected more than 5 times/ },
    check: (run) => {
      assert.equal(run.requests(DOWNLOAD('archive')).length, 6, 'the first request and 5 hops, no retries');
      return `6 requests (the first + 5 hops), then one line (exit ${run.result.code})`;
    },
  },
  {
    name: 'redirect to something that is not a URL',
    tool: 'archive',
    arrange: (box) => box.server.fail({ match: DOWNLOAD('archive'), status: 302, headers: { location: 'http://[::1' } }),
    expect: { code: 4, line: /netfault_1\.0\.0_linux_amd64\.tar\.gz redirected to "http:\/\/\[::1", which is not an address/ },
    check: (run) => {
      assert.equal(run.requests(DOWNLOAD('archive')).length, 1, 'not retried: asking again gets the same answer');
      return `1 request, then one line (exit ${run.result.code})`;
    },
  },
  {
    name: 'redirect to plain http off loopback',
    tool: 'archive',
    arrange: (box) => box.server.fail({ match: DOWNLOAD('archive'), status: 302, headers: { location: 'http://example.invalid/netfault.tar.gz' } }),
    expect: { code: 5, line: /netfault_1\.0\.0_linux_amd64\.tar\.gz redirected to http:\/\/example\.invalid\/netfault\.tar\.gz, which is not https/ },
    check: (run) => {
      const contacted = [...run.connects, ...run.lookups].filter((entry) => entry.includes('example.invalid'));
      assert.deepEqual(contacted, [], 'refused before any lookup or connection');
      assert.equal(run.requests(CDN_BLOB).length, 0);
      return `refused before connecting: 0 DNS lookups, 0 connections to example.invalid (exit ${run.result.code})`;
    },
  },
  {
    name: 'redirect to another host with a token',
    tool: 'archive',
    env: { GITHUB_TOKEN: 'ghp_networkFaultsToken' },
    // The public download URL refuses, so the asset comes through the API URL, which redirects to the CDN.
    arrange: (box) => box.server.fail({ match: DOWNLOAD('archive'), status: 404 }),
    expect: 'installed',
    check: (run) => {
      const all = run.box.server.requests;
      const api = all.filter((request) => request.server === 'api');
      const elsewhere = all.filter((request) => request.server !== 'api');
      assert.ok(api.some((request) => /\/releases\/assets\/\d+$/.test(request.path)), 'the asset came through the API URL');
      assert.ok(api.every((request) => request.headers.authorization === 'Bearer ghp_networkFaultsToken'), 'the API host gets the token');
      assert.ok(run.requests(CDN_BLOB).length > 0, 'the API redirected to the CDN');
      assert.deepEqual(elsewhere.filter((request) => request.headers.authorization !== undefined), [], 'no other host sees it');
      return `token on ${api.length} of ${api.length} API requests, on 0 of ${elsewhere.length} requests to the download host and CDN`;
    },
  },
  {
    name: '5xx then success',
    tool: 'archive',
    arrange: (box) => {
      box.server.fail({ match: TAG('archive'), status: 502, times: 2 });
      box.server.fail({ match: DOWNLOAD('archive'), status: 503, times: 2 });
    },
    expect: 'installed',
    check: (run) => {
      assert.equal(run.requests(TAG('archive')).length, 3);
      assert.equal(run.requests(DOWNLOAD('archive')).length, 3);
      return '2 × 502 on the API, 2 × 503 on the download: 3 requests each, installed';
    },
  },
  {
    name: '5xx that does not stop',
    tool: 'archive',
    arrange: (box) => box.server.fail({ match: DOWNLOAD('archive'), status: 503, times: 50 }),
    expect: { code: 4, line: /netfault_1\.0\.0_linux_amd64\.tar\.gz answered 503 while fetching asset .* after retries/ },
    check: (run) => {
      assert.equal(run.requests(DOWNLOAD('archive')).length, 4, 'one request and TOOL_HTTP_RETRIES (3) more');
      return `4 requests (1 + 3 retries, backoff doubling), then one line (exit ${run.result.code})`;
    },
  },
  {
    name: '403 rate limit with reset time',
    tool: 'archive',
    arrange: (box) => {
      rateReset = Math.floor(Date.now() / 1000) + 1800;
      box.server.fail({ match: TAG('archive'), status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(rateReset) }, body: '{"message":"API rate limit exceeded"}' });
    },
    expect: { code: 4, line: /GitHub rate limit reached .* it resets at .*GITHUB_TOKEN/ },
    check: (run) => {
      assert.equal(run.requests(TAG('archive')).length, 1, 'no retry');
      assert.ok(run.result.stderr.includes(new Date(rateReset * 1000).toISOString()), 'names the reset time');
      return `1 request, no retry; the line names the reset time (exit ${run.result.code})`;
    },
  },
  {
    name: '429 with Retry-After',
    tool: 'archive',
    arrange: (box) => box.server.fail({ match: TAG('archive'), status: 429, headers: { 'retry-after': '30' }, body: '{"message":"You have exceeded a secondary rate limit"}' }),
    expect: { code: 4, line: /secondary rate limit, 429.*retry after 30 s/ },
    check: (run) => {
      assert.equal(run.requests(TAG('archive')).length, 1, 'no retry');
      return `1 request, no retry; the line says to wait 30 s (exit ${run.result.code})`;
    },
  },
  {
    name: 'DNS failure',
    tool: 'archive',
    env: { TOOL_GITHUB_API_URL: 'https://api.example.invalid' },
    arrange: () => {},
    expect: { code: 4, line: /cannot reach https:\/\/api\.example\.invalid: host not found \(ENOTFOUND\)/ },
    check: (run) => {
      assert.deepEqual(run.connects.filter((entry) => entry.startsWith('api.example.invalid')), ['api.example.invalid:443'], 'one attempt, no retry');
      assert.deepEqual(run.lookups, [], 'the .invalid name never reaches the system resolver (RFC 6761)');
      return `1 attempt, no retry, 0 questions to the system resolver (exit ${run.result.code})`;
    },
  },
];
