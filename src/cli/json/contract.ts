/**
 * The JSON contract: every command's `--json` document, in the README's order.
 * Not imported when a command runs; the README section and the tests use it.
 */
import { changeContracts } from './contract-change.js';
import { inspectContracts } from './contract-inspect.js';
import { otherContracts } from './contract-other.js';
import { GLOSSARY } from './glossary.js';
import { contractMarkdown } from './render.js';
import type { CommandContract } from './schema.js';

export const CONTRACTS: readonly CommandContract[] = [...inspectContracts, ...changeContracts, ...otherContracts];

export function contractFor(command: string): CommandContract {
  const found = CONTRACTS.find((contract) => contract.command === command);
  if (!found) throw new Error(`no JSON contract for "${command}"`);
  return found;
}

export function jsonContractMarkdown(): string {
  return contractMarkdown(CONTRACTS, GLOSSARY);
}
