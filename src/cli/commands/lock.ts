import { describeAttestation, parseAttestationToken, signerText } from '../../core/attestation.js';
import { ToolError } from '../../core/errors.js';
import { lockFiles } from '../../replicate/lock-files.js';
import { isLockPlatform } from '../../replicate/lock-validate.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';

interface LockFlags {
  global?: boolean;
  platform?: string;
  downloadMissing?: boolean;
  json?: boolean;
}

function platformList(text: string): string[] {
  const list = text.split(',').map((item) => item.trim()).filter(Boolean);
  const bad = list.find((item) => !isLockPlatform(item));
  if (bad || list.length === 0) {
    throw new ToolError('TOOL_USAGE', `--platform "${text}" is not a list of platforms`, { hint: 'Write them like linux-x64,linux-arm64,darwin-arm64 (add -musl for musl Linux)' });
  }
  return list;
}

/** One line per distinct outcome but absent (the common case, shown by --json): "attestation verified: built by … (darwin-arm64, linux-x64)". */
function attestationLines(attestations: Record<string, string>): string[] {
  const byOutcome = new Map<string, string[]>();
  for (const [platform, token] of Object.entries(attestations)) {
    if (token === 'absent') continue;
    const record = parseAttestationToken(token);
    const text = record?.status === 'verified' ? `verified: built by ${signerText(record)}` : record ? describeAttestation(record) : token;
    byOutcome.set(text, [...(byOutcome.get(text) ?? []), platform]);
  }
  return [...byOutcome].map(([text, platforms]) => `    attestation ${text} (${platforms.sort().join(', ')})`);
}

export async function lock(flags: LockFlags): Promise<void> {
  const result = await lockFiles(await managedContext(), {
    ...(flags.global ? { global: true } : {}),
    ...(flags.platform ? { platforms: platformList(flags.platform) } : {}),
    ...(flags.downloadMissing ? { downloadMissing: true } : {}),
  });
  if (flags.json) return printJson({ file: result.path, platforms: result.platforms, tools: result.tools });
  printLines([
    `locked ${result.tools.length} tool${result.tools.length === 1 ? '' : 's'} in ${result.path} for ${result.platforms.join(', ')}`,
    ...result.tools.flatMap((tool) => [
      `  ${tool.tool} ${tool.version}${tool.spec === tool.version ? '' : ` (for ${tool.spec})`}`,
      ...(tool.missing.length ? [`    no release asset for ${tool.missing.join(', ')}`] : []),
      ...attestationLines(tool.attestations),
      ...(tool.unhashed.length ? [`    no published SHA-256 for ${tool.unhashed.join(', ')}: \`tool lock --download-missing\` hashes them`] : []),
    ]),
  ]);
}
