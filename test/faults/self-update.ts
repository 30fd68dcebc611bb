/**
 * Self-updates gone wrong: the tool's updater leaves a file that cannot be
 * executed, or one that crashes. The bytes are not captured, the user is told,
 * and the tool runs the version it had, with nothing to roll back. (Bytes that
 * run but match no release are captured as a local build, and `tool rollback`
 * goes back: test/e2e/self-update*.test.ts.)
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { selfUpdatingRelease } from '../support/self-updater.js';
import { figure, type FaultGroup, type Figure } from './figure.js';

const REPO = 'fixtures/denoish';
const ASSET = 'denoish-x86_64-unknown-linux-gnu';

interface Breakage { name: string; body: Buffer; after?: (box: Sandbox) => void; expect: RegExp }

const BREAKAGES: Breakage[] = [
  { name: 'a binary for another machine (not executable here)', body: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0xb7, 0]), expect: /cannot be executed here \(exit 12[67]/ },
  { name: 'a file left without its execute bit', body: Buffer.from('#!/bin/sh\necho denoish 9.9.9\n'), after: (box) => chmodSync(join(box.home, 'live/fixtures__denoish/bin/denoish'), 0o644), expect: /cannot be executed \(EACCES\)/ },
  { name: 'a binary that crashes at start', body: Buffer.from('#!/bin/sh\nkill -SEGV $$\n'), expect: /crashed \(SIGSEGV\)/ },
];

async function oneBreakage(breakage: Breakage, index: number): Promise<Figure> {
  const box = await createSandbox();
  try {
    const good = (version: string) => selfUpdatingRelease({ name: 'denoish', version, method: 'rename-over', apiUrl: box.server.apiUrl, repo: REPO, asset: ASSET });
    box.server.addRelease(REPO, good('2.0.0'));
    await box.tool(['add', REPO, '--self-update']);
    box.server.addRelease(REPO, { tag: `v2.${index + 1}.0`, assets: [{ name: ASSET, body: breakage.body }] });
    const updated = await box.sh('denoish -U');
    breakage.after?.(box);
    const next = await box.sh('denoish --version');
    const list = await box.tool(['list', '--json']);
    const versions = (JSON.parse(list.stdout).tools as { tool: string; versions: string[] }[]).find((t) => t.tool === REPO)?.versions ?? [];
    const ok = next.code === 0 && next.stdout === 'denoish 2.0.0\n' && breakage.expect.test(next.stderr) && /Not captured/.test(next.stderr) && versions.join() === '2.0.0';
    return figure(breakage.name, ok, `updater exit ${updated.code}; next run printed "${next.stdout.trim()}" and said "${next.stderr.trim().split('\n').find((l) => /WARNING/.test(l)) ?? next.stderr.trim()}"; store versions: ${versions.join(', ')}`);
  } finally {
    await box.close();
  }
}

async function selfUpdates(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [index, breakage] of BREAKAGES.entries()) figures.push(await oneBreakage(breakage, index));
  return figures;
}

export const selfUpdateFaults: FaultGroup = { name: 'self-updates', run: selfUpdates };
