/** The fault suite's quick subset inside `npm test`: every group at small scale (npm run faults runs them in full). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GROUPS } from './groups.js';

describe('faults (quick subset)', () => {
  for (const group of GROUPS) {
    it(group.name, async () => {
      for (const f of await group.run('quick')) assert.ok(f.ok, `${f.name}: ${f.detail}`);
    });
  }
});
