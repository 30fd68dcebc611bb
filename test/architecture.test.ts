/**
 * The shape rules the codebase keeps: each third-party package is imported by
 * one module only, core/ stays pure, and source files stay small enough to read.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((match) => match[1]!);
}

const files = sources(SRC);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

describe('architecture', () => {
  it('imports each runtime dependency from exactly one module', () => {
    for (const dependency of Object.keys(pkg.dependencies)) {
      // A subpath ("unbzip2-stream/lib/bzip2.js") is the package too.
      const imports = (spec: string) => spec === dependency || spec.startsWith(`${dependency}/`);
      const importers = files.filter((file) => importsOf(file).some(imports)).map((file) => relative(ROOT, file));
      assert.equal(importers.length, 1, `${dependency} is imported by ${importers.join(', ') || 'nothing'}`);
    }
  });

  it('keeps core/ pure: no I/O modules and nothing from the rest of src', () => {
    for (const file of files.filter((f) => f.includes('/src/core/'))) {
      for (const spec of importsOf(file)) {
        assert.ok(!/^node:(fs|net|child_process|http|https)/.test(spec), `${relative(ROOT, file)} imports ${spec}`);
        assert.ok(!spec.startsWith('..'), `${relative(ROOT, file)} reaches outside core: ${spec}`);
      }
    }
  });

  it('reaches the HTTP stack only through a dynamic import, never at CLI start-up', () => {
    const staticImporters = (target: RegExp) =>
      files.filter((file) => [...readFileSync(file, 'utf8').matchAll(/^import (?!type)[^;]* from '([^']+)'/gm)].some((m) => target.test(m[1]!))).map((file) => relative(ROOT, file));
    assert.deepEqual(staticImporters(/github\/client\.js$|^\.\/client\.js$/), []);
    assert.deepEqual(staticImporters(/github\/http\.js$|^\.\/http\.js$/), ['src/github/client.ts']);
  });

  it('keeps every source file under 200 lines', () => {
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n').length;
      assert.ok(lines <= 200, `${relative(ROOT, file)} has ${lines} lines`);
    }
  });
});
