/**
 * `npm run faults`: every fault group at full scale, one line per figure, and
 * "N passed, M failed" last; exit 1 when any figure did not hold. FAULTS_ONLY
 * (a comma-separated list of group names) runs some of them.
 */
import { GROUPS } from './groups.js';

const only = process.env.FAULTS_ONLY?.split(',').filter(Boolean);
let passed = 0;
let failed = 0;
const started = Date.now();
for (const group of GROUPS.filter((g) => !only || only.includes(g.name))) {
  const groupStarted = Date.now();
  const figures = await group.run('full');
  console.log(`\n${group.name} (${((Date.now() - groupStarted) / 1000).toFixed(1)} s)`);
  for (const f of figures) {
    console.log(`  ${f.ok ? 'ok  ' : 'FAIL'} ${f.name}: ${f.detail}`);
    if (f.ok) passed++;
    else failed++;
  }
}
console.log(`\n${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exitCode = failed > 0 ? 1 : 0;
