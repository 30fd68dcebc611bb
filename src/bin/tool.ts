#!/usr/bin/env node
/**
 * Entry point of `tool`. A shim that hands over (`__shim`) skips commander
 * entirely: it must start fast and pass every argument to the tool untouched.
 * Everything past commander, the error reporter included, is imported when a
 * command runs; in the bundle (scripts/bundle.mjs) those imports load
 * dist/bundle/core.cjs or rest.cjs, so `--help` and `--version` load neither.
 */
async function main(argv: string[]): Promise<void> {
  try {
    if (argv[0] === '__shim') {
      const { runShim } = await import('../cli/shim.js');
      await runShim(argv.slice(1));
      return;
    }
    if (argv[0] === '__auto-update') {
      const { runAutoUpdateCommand } = await import('../cli/auto-update.js');
      await runAutoUpdateCommand(argv.slice(1));
      return;
    }
    const { runCli } = await import('../cli/main.js');
    const exitCode = await runCli(argv);
    if (exitCode !== undefined) process.exitCode = exitCode;
  } catch (error) {
    const { reportError } = await import('../cli/report-error.js');
    // --json before any `--` asks for the error as JSON too.
    const options = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
    process.exitCode = reportError(error, process.stderr, process.env, { json: options.includes('--json') });
  }
}

// Not a top-level await: the bundle is CommonJS, for V8's code cache (src/bin/code-cache.ts).
void main(process.argv.slice(2));
