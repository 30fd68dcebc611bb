/**
 * `tool help environment` and README.md are one list: every variable the
 * sources read is in src/cli/reference.ts, README's tables are its rendering,
 * and every exit code category of core/errors.ts is explained.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ENVIRONMENT, EXIT_CODES, environmentHelp, referenceMarkdown } from '../../../src/cli/reference.js';
import { ExitCode } from '../../../src/core/errors.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Variables read that are not settings of tool, and why they are not listed. */
const NOT_LISTED: Record<string, string> = {
  PATH: 'only looked at, to tell whether the shims are on it',
  PWD: 'the working directory, as the shell knows it',
  TOOL_WRITE_CODE_CACHE: 'set by the build (scripts/bundle.mjs) while it trains the code cache',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** NAME in env.NAME, env['NAME'], and f(env, 'NAME') (settings.ts and detect-platform.ts read variables by name). */
function variablesRead(text: string): string[] {
  const patterns = [/\benv\.([A-Z][A-Z0-9_]*)\b/g, /\benv\[\s*'([A-Z][A-Z0-9_]*)'\s*\]/g, /\(\s*env\s*,\s*'([A-Z][A-Z0-9_]*)'/g];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
}

const listed = new Set(ENVIRONMENT.flatMap((entry) => entry.names));

describe('the environment reference', () => {
  it('lists every variable the sources read', () => {
    const read = new Map<string, string>();
    for (const file of sources(join(ROOT, 'src'))) {
      for (const name of variablesRead(readFileSync(file, 'utf8'))) read.set(name, relative(ROOT, file));
    }
    assert.ok(read.has('TOOL_HOME') && read.has('TOOL_OS') && read.has('SHELL'), 'the scan finds variables read in each way');
    for (const [name, file] of read) {
      assert.ok(listed.has(name) || name in NOT_LISTED, `${file} reads ${name}: add it to ENVIRONMENT in src/cli/reference.ts (and README.md)`);
    }
    assert.ok(listed.has('TOOL_<NAME>_VERSION'), 'the per-tool variables the shims read are listed');
  });

  it('explains every exit code category once, and the code for bugs', () => {
    const codes = EXIT_CODES.map((entry) => entry.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const code of [0, ...Object.values(ExitCode), 70]) assert.ok(codes.includes(code), `exit code ${code} is explained`);
  });

  it('prints one line per variable and per exit code', () => {
    const lines = environmentHelp();
    for (const entry of ENVIRONMENT) {
      const line = lines.filter((candidate) => candidate.startsWith(`  ${entry.names.join(', ')} `));
      assert.equal(line.length, 1, entry.names.join(', '));
      assert.ok(line[0]!.endsWith(`  ${entry.meaning}`));
    }
    for (const entry of EXIT_CODES) assert.ok(lines.some((line) => line.startsWith(`  ${entry.code} `) && line.endsWith(entry.meaning)), `exit code ${entry.code}`);
  });

  it('is what README.md shows', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const { environment, exitCodes } = referenceMarkdown();
    assert.ok(readme.includes(`${environment}\n`), `README.md's environment table is, exactly:\n${environment}`);
    assert.ok(readme.includes(`${exitCodes}\n`), `README.md's exit code table is, exactly:\n${exitCodes}`);
  });
});
