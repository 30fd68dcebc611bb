/**
 * Shared by the aqua tests: the committed registry excerpt
 * (test/fixtures/aqua/registry-excerpt.yaml), parsed once, and the path of the
 * full standard registry that the registry-wide test reads when present.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aquaPackageName } from '../../../src/aqua/resolve.js';
import type { AquaPackage } from '../../../src/aqua/types.js';
import { parseRegistryYaml } from '../../../src/aqua/yaml-load.js';

/** dist/test/unit/aqua → the package root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const EXCERPT_PATH = join(ROOT, 'test', 'fixtures', 'aqua', 'registry-excerpt.yaml');
export const FULL_REGISTRY_PATH = resolve(ROOT, '../shared/data/aqua-registry/registry.yaml');

let cached: AquaPackage[] | undefined;

export function excerpt(): AquaPackage[] {
  cached ??= parseRegistryYaml(readFileSync(EXCERPT_PATH, 'utf8'), 'registry-excerpt.yaml');
  return cached;
}

export function excerptPackage(name: string): AquaPackage {
  const pkg = excerpt().find((candidate) => aquaPackageName(candidate) === name);
  if (!pkg) throw new Error(`${name} is not in ${EXCERPT_PATH}`);
  return pkg;
}
