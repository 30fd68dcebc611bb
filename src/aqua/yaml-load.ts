/**
 * Reads aqua's registry.yaml — the sole importer of `yaml`. Parsing the 3 MB
 * standard registry takes seconds, so only a registry refresh calls this; every
 * later lookup reads the catalog and lookup shards built from its result (registries/catalog.ts).
 *
 * Scalars keep the text they were written as where go-yaml would (a plain
 * `1.10` in a string field is "1.10", not 1.1), because aqua decodes into typed
 * Go fields rather than into YAML 1.2 core values.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ToolError } from '../core/errors.js';
import type { Plain } from './normalize-read.js';
import { normalizePackage } from './normalize.js';
import type { AquaPackage } from './types.js';

const HINT = 'Fix the YAML (or refresh the aqua registry from aquaproj/aqua-registry) and try again.';

function badRegistry(source: string, line: number, message: string): ToolError {
  return new ToolError('TOOL_BAD_REGISTRY', `${source} line ${line}: ${message}`, { hint: HINT });
}

function scalarText(node: Node): Plain {
  if (!isScalar(node)) return null;
  const value = node.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  // Numbers (and anything else a schema might produce) keep their written text.
  return node.source ?? String(value);
}

/**
 * Converts in document order, recording anchors as it goes: an alias names the
 * latest anchor before it. (The library's Alias.resolve walks the whole
 * document per alias, which is quadratic on the 3 MB registry.)
 */
function toPlain(node: unknown, anchors: Map<string, Plain>, depth = 0): Plain {
  if (depth > 64) throw new Error('YAML nesting deeper than 64 levels');
  if (isAlias(node)) return anchors.get(node.source) ?? null;
  let value: Plain;
  if (isSeq(node)) {
    value = node.items.map((item) => toPlain(item, anchors, depth + 1));
  } else if (isMap(node)) {
    const out: { [key: string]: Plain } = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(scalarText(pair.key)) : String(pair.key);
      // defineProperty: a key named "__proto__" must stay data, not a prototype.
      Object.defineProperty(out, key, { value: toPlain(pair.value, anchors, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    value = out;
  } else {
    value = isScalar(node) ? scalarText(node) : null;
  }
  const anchor = isScalar(node) || isMap(node) || isSeq(node) ? node.anchor : undefined;
  if (anchor) anchors.set(anchor, value);
  return value;
}

function label(value: Plain): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '';
  const name = value['name'] ?? (value['repo_owner'] && value['repo_name'] ? `${String(value['repo_owner'])}/${String(value['repo_name'])}` : undefined);
  return name ? ` (package ${String(name)})` : '';
}

/**
 * Parses an aqua registry file (`packages:` list). Throws ToolError
 * TOOL_BAD_REGISTRY naming `source` and the line when the YAML does not parse
 * or an entry has the wrong shape.
 */
export function parseRegistryYaml(text: string, source: string): AquaPackage[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line ?? 1;
    throw badRegistry(source, line, `${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const packages = isMap(doc.contents) ? doc.contents.get('packages', true) : undefined;
  if (!isSeq(packages)) throw badRegistry(source, 1, 'expected a top-level `packages:` list');
  const anchors = new Map<string, Plain>();
  return packages.items.map((item) => {
    const line = isMap(item) || isScalar(item) || isSeq(item) ? lineCounter.linePos(item.range?.[0] ?? 0).line : 1;
    const value = toPlain(item, anchors);
    return normalizePackage(value, `${source} line ${line}${label(value)}`);
  });
}
