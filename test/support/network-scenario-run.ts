/**
 * How a network scenario (network-scenarios.ts) runs: a fresh sandbox with the
 * scenario's release published, its fault injected, one `tool add` through the
 * built CLI with connection and DNS counting preloaded, then the checks every
 * scenario shares (a verified install, or one clear line, the right exit code
 * and nothing half-made) and the scenario's own, which return its figure.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectCounterUrl } from './connect-counter.js';
import { fakeToolScript, fixtureRelease } from './fixture-tools.js';
import type { FakeAsset, LoggedRequest } from './release-server.js';
import { createSandbox, type RunResult, type Sandbox } from './sandbox.js';

/** What a scenario's check gets: the finished run and what the fake GitHub and the process saw. */
export interface ScenarioRun {
  box: Sandbox;
  result: RunResult;
  /** The asset the install downloads. */
  asset: FakeAsset;
  /** Requests whose path matches. */
  requests(path: RegExp): LoggedRequest[];
  /** "host:port" of every connection the CLI attempted. */
  connects: string[];
  /** Host names the CLI asked the system resolver for. */
  lookups: string[];
}

export interface NetworkScenario {
  /** The fault, as the faults suite prints it. */
  name: string;
  /** `archive`: a tar.gz the release lists a digest for; `raw`: a bare executable with no published hash (only the transport can catch damage). */
  tool: 'archive' | 'raw';
  /** Extra environment for the run: short timeouts, fewer retries, a token, another API URL. */
  env?: Record<string, string>;
  /** Injects the fault (box.server.fail) once the release is published. */
  arrange(box: Sandbox): void;
  /** `installed`: exit 0, the tool runs, the store holds every byte. Otherwise the exit code and the one error line. */
  expect: 'installed' | { code: number; line: RegExp };
  /** Scenario-specific assertions; returns the figure to print. */
  check(run: ScenarioRun): string;
}

const TOOLS = {
  archive: { repo: 'acme/netfault', exe: 'netfault' },
  raw: { repo: 'acme/rawfault', exe: 'rawfault' },
};
/** Where the CDN serves asset bytes; the asset download on the github host redirects there. */
export const CDN_BLOB = /^\/blob\/\d+\?/;
export const DOWNLOAD = (tool: keyof typeof TOOLS) => new RegExp(`^/${TOOLS[tool].repo}/releases/download/`);
export const TAG = (tool: keyof typeof TOOLS) => new RegExp(`^/repos/${TOOLS[tool].repo}/releases/tags/`);
/** Asset size: big enough that a cut lands mid-body, several socket reads long. */
const ASSET_BYTES = 384 * 1024;

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** acme/netfault: a tar.gz with incompressible filler and a GitHub digest; acme/rawfault: a padded script, no hash anywhere. */
function publish(box: Sandbox, tool: keyof typeof TOOLS): FakeAsset {
  const { repo, exe } = TOOLS[tool];
  if (tool === 'archive') {
    const release = fixtureRelease({ tag: 'v1.0.0', exeName: exe, version: '1.0.0', assets: [{ name: `${exe}_1.0.0_linux_amd64.tar.gz`, format: 'tar.gz', extraFiles: [{ path: 'filler.bin', body: randomBytes(ASSET_BYTES) }] }] });
    box.server.addRelease(repo, release);
    return release.assets[0]!;
  }
  // A cut-off copy of this script still runs: only its hash shows the damage.
  const body = Buffer.concat([fakeToolScript(exe, '1.0.0'), Buffer.from(`# ${'x'.repeat(ASSET_BYTES)}\n`)]);
  const asset: FakeAsset = { name: `${exe}_1.0.0_linux_amd64`, body, digest: false };
  box.server.addRelease(repo, { tag: 'v1.0.0', assets: [asset] });
  return asset;
}

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

function listOrEmpty(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** One line "tool: … . <Remedy>" on stderr (after any progress lines), no stack trace. */
export function oneErrorLine(result: RunResult): string {
  assert.equal(result.signal, null, `ended by ${result.signal}: a hang the guard had to kill?\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /\n\s+at |internal error/, `no stack trace, no internal error:\n${result.stderr}`);
  const errors = result.stderr.split('\n').filter((line) => line.startsWith('tool: '));
  const other = result.stderr.split('\n').filter((line) => line && !line.startsWith('tool: ') && !/^installing /.test(line));
  assert.deepEqual(other, [], `nothing on stderr but progress and the error:\n${result.stderr}`);
  assert.equal(errors.length, 1, `exactly one error line:\n${result.stderr}`);
  assert.match(errors[0]!, /\.\s+[A-Z`(]/, `the message ends with a remedy: ${errors[0]}`);
  return errors[0]!;
}

async function checkOutcome(scenario: NetworkScenario, run: ScenarioRun): Promise<void> {
  const { box, result, asset } = run;
  const { repo, exe } = TOOLS[scenario.tool];
  const versionDir = join(box.home, 'store', repo.replace('/', '__'), '1.0.0');
  assert.deepEqual(listOrEmpty(join(box.home, 'tmp')), [], 'no staging left in TOOL_HOME/tmp');
  assert.deepEqual(listOrEmpty(join(box.home, 'locks')).filter((name) => name.endsWith('.lock')), [], 'no lock left');
  if (scenario.expect === 'installed') {
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await box.sh(`${exe} --version`)).stdout, `${exe} 1.0.0\n`);
    const manifest = JSON.parse(readFileSync(join(versionDir, 'manifest.json'), 'utf8')) as { sha256: string; bins: Record<string, string> };
    assert.equal(manifest.sha256, sha256(asset.body), 'the store recorded the hash of every byte of the asset');
    if (scenario.tool === 'raw') assert.equal(sha256(readFileSync(join(versionDir, manifest.bins[exe]!))), sha256(asset.body), 'the installed executable is the whole asset');
    return;
  }
  const line = oneErrorLine(result);
  assert.match(line, scenario.expect.line);
  assert.equal(result.code, scenario.expect.code, `exit code for: ${line}`);
  assert.ok(!existsSync(versionDir), `no partial version: ${versionDir}`);
  assert.ok(!existsSync(join(box.shims, exe)), 'no shim for a tool that is not installed');
}

/** A run killed after this long is a hang; every scenario needs a few seconds at most. */
const HANG_MS = 30_000;

/** Runs one scenario in a fresh sandbox; returns its figure, or throws an AssertionError. */
export async function runNetworkScenario(scenario: NetworkScenario): Promise<string> {
  const box = await createSandbox();
  try {
    const asset = publish(box, scenario.tool);
    scenario.arrange(box);
    const connectLog = join(box.root, 'connects.log');
    const dnsLog = join(box.root, 'lookups.log');
    const env = { NODE_OPTIONS: `--import=${connectCounterUrl}`, TOOL_TEST_CONNECT_LOG: connectLog, TOOL_TEST_DNS_LOG: dnsLog, ...scenario.env };
    let guard: NodeJS.Timeout | undefined;
    const result = await box.tool(['add', `${TOOLS[scenario.tool].repo}@1.0.0`], {
      env,
      onSpawn: (child) => (guard = setTimeout(() => child.kill('SIGKILL'), HANG_MS)),
    });
    clearTimeout(guard);
    const requests = (path: RegExp) => box.server.requests.filter((request) => path.test(request.path));
    const run: ScenarioRun = { box, result, asset, requests, connects: lines(connectLog), lookups: lines(dnsLog) };
    await checkOutcome(scenario, run);
    return scenario.check(run);
  } finally {
    await box.close();
  }
}

