#!/usr/bin/env node
/**
 * Entry point of `tool`. A shim that hands over (`__shim`) skips commander
 * entirely: it must start fast and pass every argument to the tool untouched.
 */
import { reportError } from '../cli/report-error.js';

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
    await runCli(argv);
  } catch (error) {
    process.exitCode = reportError(error, process.stderr, process.env);
  }
}

await main(process.argv.slice(2));
