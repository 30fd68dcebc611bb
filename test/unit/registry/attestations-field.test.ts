/** registry/<name>.json's optional `attestations.signerWorkflow`: the workflow that must sign the release's attestations. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import { validateRegistryEntry } from '../../../src/registry/validate.js';

const file = '/pkg/registry/gh.json';
const entry = (attestations: unknown) => ({ repo: 'cli/cli', description: 'GitHub CLI', bins: [{ name: 'gh' }], versionOrder: 'semver', attestations });

describe('the attestations field of a registry entry', () => {
  it('keeps a signer workflow in aqua\'s form', () => {
    const parsed = validateRegistryEntry(entry({ signerWorkflow: 'cli/cli/.github/workflows/deployment.yml' }), file, 'gh');
    assert.deepEqual(parsed.attestations, { signerWorkflow: 'cli/cli/.github/workflows/deployment.yml' });
  });

  it('refuses a workflow that is not owner/repo/.github/workflows/<file>, and unknown fields, naming the field', () => {
    for (const bad of [{ signerWorkflow: 'release.yml' }, { signerWorkflow: 'cli/cli/.github/workflows/x.yml@main' }, { signerWorkflow: 7 }, { signer: 'x' }]) {
      assert.throws(() => validateRegistryEntry(entry(bad), file, 'gh'), (error: unknown) => isToolError(error, 'TOOL_BAD_REGISTRY') && error.message.includes(file) && error.message.includes('attestations'));
    }
  });
});
