// Two independent sources must agree: for every tool in registry/ that aqua's standard
// registry also has, both choose the same asset for the real-assets release on linux and
// darwin, x64 and arm64, or the difference is one registry/README.md explains.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AQUA_REGISTRY_FILE, crossCheck, explanation } from '../../../scripts/cross-check-aqua.js';
import { ROOT } from '../../../scripts/check-registry.js';

test('registry/ and the aqua registry choose the same assets, or README explains why not', { skip: existsSync(AQUA_REGISTRY_FILE) ? false : `no aqua registry at ${AQUA_REGISTRY_FILE}` }, () => {
  const { compared, disagreements } = crossCheck(readFileSync(AQUA_REGISTRY_FILE, 'utf8'));
  assert.ok(compared >= 100, `only ${compared} cells compared`);
  const unexplained = disagreements.filter((d) => !explanation(d)).map((d) => `${d.tool} ${d.cell}: registry/ ${d.ours}, aqua ${d.aqua}`);
  assert.deepEqual(unexplained, []);
  const readme = readFileSync(join(ROOT, 'registry', 'README.md'), 'utf8');
  assert.match(readme, /## Where registry\/ and aqua disagree/);
  for (const kind of new Set(disagreements.map(explanation))) assert.ok(readme.includes(`**${kind}.**`), `registry/README.md does not explain "${kind}"`);
});
