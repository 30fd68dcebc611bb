/**
 * Hostile archives through `tool add` (test/support/bomb-releases.ts): gzip,
 * xz, zstd and bzip2 bombs, a tar that lies about sizes, a million tiny
 * entries, zip bombs with overlapping entries. Each must be refused in one
 * line (exit 5) with nothing installed, staging removed, and the earlier
 * version still running. Full scale uses the real sizes and default limits.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bombCases } from '../support/bomb-releases.js';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox } from '../support/sandbox.js';
import { figure, isOneClearLine, type FaultGroup, type Figure, type Scale } from './figure.js';

async function archives(scale: Scale): Promise<Figure[]> {
  const box = await createSandbox();
  try {
    box.server.addRelease('acme/widget', fixtureRelease({ tag: 'v1.0.0', exeName: 'widget', version: '1.0.0', assets: [{ name: 'widget_1.0.0_linux_amd64.tar.gz', format: 'tar.gz' }] }));
    await box.tool(['add', 'acme/widget@1.0.0']);
    const figures: Figure[] = [];
    for (const [index, bomb] of bombCases(scale).entries()) {
      const version = `2.0.${index}`;
      box.server.addRelease('acme/widget', { tag: `v${version}`, assets: [bomb.asset(version)] });
      const started = Date.now();
      const result = await box.tool(['add', `acme/widget@${version}`], { env: bomb.env });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const line = result.stderr.trim().split('\n').at(-1) ?? '';
      const staging = readdirSync(join(box.home, 'tmp'));
      const runs = (await box.sh('widget --version')).stdout.trim();
      const ok = result.code === 5 && isOneClearLine(result.stderr) && bomb.says.every((fragment) => line.includes(fragment)) && staging.length === 0 && runs === 'widget 1.0.0';
      figures.push(figure(bomb.attack, ok, `refused in ${seconds} s (exit ${result.code}): ${line.slice(0, 160)}; staging ${staging.length ? staging.join(',') : 'removed'}; 1.0.0 still runs: ${runs === 'widget 1.0.0'}`));
    }
    return figures;
  } finally {
    await box.close();
  }
}

export const archiveFaults: FaultGroup = { name: 'archives', run: archives };
