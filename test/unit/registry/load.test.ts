// Tests src/registry/load.ts against the real registry/ directory. Lives under
// test/unit/app/ only because this helper's brief did not own
// test/unit/registry/; move it there unchanged (same depth).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import { isOwnerRepo } from '../../../src/core/tool-ref.js';
import { loadRegistry, REGISTRY_DIR } from '../../../src/registry/load.js';

describe('loadRegistry', () => {
  it('validates every file in the shipped registry/ directory', () => {
    const files = readdirSync(REGISTRY_DIR).filter((name) => name.endsWith('.json')).sort();
    assert.ok(files.length > 0, `no registry files in ${REGISTRY_DIR}`);
    const entries = loadRegistry().all();
    assert.deepEqual(
      entries.map((entry) => `${entry.name}.json`),
      files,
    );
    for (const entry of entries) {
      assert.ok(isOwnerRepo(entry.repo), `${entry.name}: ${entry.repo}`);
      assert.ok(entry.bins.length > 0, entry.name);
      assert.equal(entry.name, entry.name.toLowerCase(), `${entry.name}.json must be lower case to be found by get()`);
    }
  });

  it('finds shipped entries by name, repo and executable', () => {
    const registry = loadRegistry();
    assert.equal(registry.get('YT-DLP')?.repo, 'yt-dlp/yt-dlp');
    assert.equal(registry.byRepo('burntsushi/RIPGREP')?.name, 'ripgrep');
    assert.equal(registry.byBin('rg')?.name, 'ripgrep');
    assert.equal(registry.get('no-such-tool-9.99.1'), undefined);
  });

  it('names the file when a registry file is not valid JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tool-registry-'));
    try {
      await writeFile(join(dir, 'broken.json'), '{ "repo": ');
      assert.throws(
        () => loadRegistry(dir).all(),
        (error: unknown) => isToolError(error, 'TOOL_BAD_REGISTRY') && error.message.includes(join(dir, 'broken.json')),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
