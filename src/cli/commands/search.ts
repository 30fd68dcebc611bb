import { searchRegistries, toolInfo, type ToolInfo } from '../../app/lifecycle/search.js';
import type { AttestationInfo } from '../../app/lifecycle/attestation-info.js';
import { describeAttestation, type AttestationRecord } from '../../core/attestation.js';
import { didYouMean, suggestNames } from '../../registries/did-you-mean.js';
import { knownNames } from '../../registries/unknown-tool.js';
import { cliContext } from '../app-context.js';
import { attestationsJson } from '../json/attestation.js';
import { printJson, printLines, table } from '../output.js';

export async function search(words: string[], flags: { json?: boolean }): Promise<void> {
  const ctx = cliContext();
  const hits = await searchRegistries(ctx, words.join(' '));
  if (flags.json) return printJson({ results: hits.map((hit) => ({ tool: hit.name, repo: hit.repo, description: hit.description, exes: hit.bins, registry: hit.registry })) });
  if (hits.length === 0) {
    const suggestion = didYouMean(suggestNames(words.join(' '), await knownNames(ctx)));
    return printLines([`no registry entry matches "${words.join(' ')}"; any GitHub project works as owner/repo${suggestion ? `. ${suggestion}` : ''}`]);
  }
  const shown = hits.slice(0, 30);
  printLines([
    ...table([['NAME', 'REPO', 'EXECUTABLES', 'REGISTRY', 'DESCRIPTION'], ...shown.map((h) => [h.name, h.repo, h.bins.join(','), h.registry, h.description.length > 60 ? `${h.description.slice(0, 59)}…` : h.description])]),
    ...(hits.length > shown.length ? [`… and ${hits.length - shown.length} more (--json lists all)`] : []),
  ]);
}

function attestationLines(info: AttestationInfo): string[] {
  const outcome = (record: AttestationRecord | null) => (record ? describeAttestation(record) : 'not recorded');
  return [
    `  attestations: ${info.policy.mode}${info.policy.setBy ? ` (${info.policy.setBy})` : ' (the default)'}; signer: ${info.signerWorkflow ?? 'any workflow of the repository'}`,
    ...info.installed.map((row) => `    ${row.version} ${row.platform}: ${outcome(row.attestation)}`),
    ...info.locked.map((row) => `    ${row.version} ${row.platform} in ${row.lock}: ${outcome(row.attestation)}`),
  ];
}

/** The contract's names: the registry entry is `entry`, installed versions `versions`, aqua's rules `assetRule`/`checksumRule`. */
function infoJson(result: ToolInfo): object {
  const aqua = result.aqua && { registry: result.aqua.source, ref: result.aqua.ref, package: result.aqua.name, matchedBy: result.aqua.by, assetRule: result.aqua.asset, checksumRule: result.aqua.checksum, signatures: result.aqua.signatures };
  return { tool: result.name, repo: result.repo, entry: result.registry ?? null, aqua: aqua ?? null, added: result.added, versions: result.installed, global: result.global, follows: result.follows, held: result.held, selfUpdate: result.selfUpdate, attestations: attestationsJson(result.attestations) };
}

export async function info(name: string, flags: { json?: boolean }): Promise<void> {
  const result = await toolInfo(cliContext(), name);
  if (flags.json) return printJson(infoJson(result));
  const entry = result.registry;
  const platforms = entry?.assets ? Object.entries(entry.assets).map(([key, value]) => `    ${key}: ${value}`) : ['    (chosen by the asset heuristic)'];
  printLines([
    `${result.name} (${result.repo})`,
    ...(result.aqua ? [
      `  registry: ${result.aqua.source}${result.aqua.ref ? ` (aquaproj/aqua-registry ${result.aqua.ref})` : ''}, package ${result.aqua.name}${result.aqua.by ? ` (matched by ${result.aqua.by})` : ''}`,
      `  asset rule (newest versions): ${result.aqua.asset ?? 'none'}`,
      `  checksums: ${result.aqua.checksum ?? 'GitHub digest or a common checksum file'}`,
      `  signatures declared: ${result.aqua.signatures.join(', ') || 'none'} (GitHub artifact attestations are verified; the others not yet)`,
    ] : []),
    ...(entry ? [`  ${entry.description}`, `  executables: ${entry.bins.map((b) => (b.path ? `${b.name} (${b.path})` : b.name)).join(', ')}`] : result.aqua ? [] : ['  not in the registry; added by owner/repo']),
    ...(entry ? [`  versions: ${entry.versionOrder}${entry.tagPrefix ? `, tags start with "${entry.tagPrefix}"` : ''}`, `  checksums: ${entry.checksum?.file ?? 'GitHub digest or a common checksum file'}`, '  assets:', ...platforms] : []),
    `  updates itself: ${result.selfUpdate ? `yes${entry?.selfUpdate ? ` (\`${entry.selfUpdate.args.join(' ')}\`, ${entry.selfUpdate.method})` : ''}` : 'no'}`,
    `  installed: ${result.installed.join(', ') || 'none'}`,
    ...attestationLines(result.attestations),
    ...(result.added ? [`  global: ${result.global ?? 'none'} (follows ${result.follows ?? 'latest'}${result.held ? ', held' : ''})`] : []),
  ]);
}
