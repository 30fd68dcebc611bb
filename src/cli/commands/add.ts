import { addTool, type AddResult } from '../../app/lifecycle/add.js';
import { previewInstall } from '../../app/install/preview.js';
import { parseToolRequest } from '../../core/tool-ref.js';
import { parseDuration } from '../../core/duration.js';
import { managedContext } from '../app-context.js';
import { withMinAge } from './min-age.js';
import { printJson, printLines, versionText } from '../output.js';
import { pathAdvice, verificationText } from './format.js';
import { verificationJson } from '../json/common.js';
import { attestationJson } from '../json/attestation.js';

interface AddFlags {
  asset?: string;
  selfUpdate?: boolean;
  dryRun?: boolean;
  json?: boolean;
  autoUpdate?: string;
  reason?: string;
  minAge?: string;
}

/** Where `--min-age` was written into the settings file, in the contract's names. */
function minAgeJson(written: AddResult['minAgeRecorded']): object | null {
  return written ? { file: written.path, line: written.line, changed: written.changed } : null;
}

export async function add(text: string, flags: AddFlags): Promise<void> {
  const ctx = withMinAge(await managedContext(), flags.minAge);
  const request = parseToolRequest(text);
  if (flags.dryRun) {
    const preview = await previewInstall(ctx, request, flags.asset);
    if (flags.json) {
      const { reason, runnersUp, ...rest } = preview;
      return printJson({ ...rest, because: reason, runnersUp: runnersUp.map((r) => ({ asset: r.asset, because: r.reason })), heldBack: rest.heldBack ?? null });
    }
    printLines([
      `${preview.tool} ${preview.version} (${preview.tag}) for ${preview.platform}: ${preview.asset}`,
      `  why: ${preview.reason}`,
      ...preview.runnersUp.map((r) => `  runner-up: ${r.asset} (${r.reason})`),
      `  checksum: ${preview.checksum}`,
      'nothing was downloaded (--dry-run)',
    ]);
    return;
  }
  const result = await addTool(ctx, request, {
    ...(flags.asset ? { assetGlob: flags.asset } : {}),
    ...(flags.reason ? { reason: flags.reason } : {}),
    ...(flags.selfUpdate ? { selfUpdate: true } : {}),
    ...(flags.autoUpdate ? { autoUpdateSeconds: parseDuration(flags.autoUpdate) } : {}),
    ...(flags.minAge !== undefined ? { minAge: flags.minAge } : {}),
  });
  if (flags.json) return printJson({ tool: result.tool.id, version: result.version, downloaded: result.installed, follows: result.follows, held: result.held, unchanged: result.unchanged, changes: result.changes, exes: result.exes, sha256: result.manifest.sha256, verification: verificationJson(result.manifest.verification), attestation: attestationJson(result.manifest.attestation), heldBack: result.heldBack ?? null, minAgeRecorded: minAgeJson(result.minAgeRecorded) });
  const advice = pathAdvice(ctx.layout.shims, process.env);
  if (result.unchanged) return printLines(advice ? [...unchangedLines(result), advice] : unchangedLines(result));
  const source = result.manifest.cause === 'self-update' ? verificationText(result.manifest) : `${result.manifest.asset.name}, ${verificationText(result.manifest)}`;
  const followed = result.follows === result.version ? '' : ` (follows ${result.follows})`;
  const auto = result.tool.state?.autoUpdateSeconds;
  const lines = [
    `${result.installed ? 'installed' : 'already installed'}: ${result.tool.id} ${versionText(result.version)} (${source})`,
    `global selection: ${result.tool.id} ${result.version}${followed}`,
    ...(result.changes.length ? [`changed: ${result.changes.join('; ')}`] : []),
    ...(auto ? [`background checks: at most every ${flags.autoUpdate ?? `${auto}s`} (log: ${ctx.layout.autoLog})`] : []),
    ...(result.minAgeRecorded ? [`release cooldown: min-release-age = ${flags.minAge!.trim()} for ${result.tool.id} from now on (${result.minAgeRecorded.path} line ${result.minAgeRecorded.line})`] : []),
    `shims: ${result.exes.join(', ')}`,
    ...result.conflicts.map((c) => `warning: ${c.exe} is already provided by ${c.kept}; no shim was written for ${result.tool.id}`),
  ];
  printLines(advice ? [...lines, advice] : lines);
}

/** A re-add that names nothing to change: what stays, and how to move it. */
function unchangedLines(result: AddResult): string[] {
  const name = result.tool.id;
  const how = result.held
    ? `\`tool unhold ${name}\` lets updates move it; \`tool add ${name}@<version>\` picks one`
    : `\`tool update ${name}\` moves it within ${result.follows}; \`tool add ${name}@<version>\` picks another`;
  return [
    `already added: ${name} ${result.version} (follows ${result.follows}${result.held ? ', held' : ''}); nothing changed`,
    `to move it: ${how}`,
  ];
}
