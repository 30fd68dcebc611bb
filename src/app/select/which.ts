/** `tool which` and the shared "what runs here and why" resolution. Read-only. */
import { ToolError } from '../../core/errors.js';
import { parseSpec, pickPreferring, type VersionSpec } from '../../core/spec.js';
import { describeSource, findPin, type Pin, type PinSource } from '../../pins/resolve.js';
import { ephemeralVersions } from '../../store/ephemeral.js';
import { installedVersions, readManifest } from '../../store/read.js';
import { modifiedAfterInstall } from '../../store/integrity.js';
import type { AppContext } from '../context.js';
import type { ToolIdentity } from './identify.js';
import { isLive } from './live-policy.js';
import type { LockedTool } from '../../replicate/lock-file.js';
import { readLock } from '../../replicate/lock-io.js';
import { lockSatisfies } from '../../replicate/locked-plan.js';
import { projectLockPath } from '../../replicate/machine.js';

export interface Selection {
  pin: Pin;
  spec: VersionSpec;
  /** Installed version that satisfies the spec (the locked one when a lock decides), if any. */
  version: string | undefined;
  /** The project's .tools.lock entry that fixes the version, when it has one the spec accepts. */
  lock?: { path: string; entry: LockedTool };
}

/** A `.tools` beside a `.tools.lock` means the locked version, as the shim reads it. */
async function lockFor(pin: Pin, spec: VersionSpec, tool: ToolIdentity): Promise<Selection['lock']> {
  if (pin.source.kind !== 'file') return undefined;
  const path = projectLockPath(pin.source.path);
  const entry = (await readLock(path))?.tools[tool.id];
  return entry && lockSatisfies(spec, entry) ? { path, entry } : undefined;
}

export async function selectionHere(ctx: AppContext, tool: ToolIdentity): Promise<Selection | undefined> {
  const pin = await findPin(tool, { env: ctx.settings.env, cwd: ctx.cwd, globalFile: ctx.layout.globalTools });
  if (!pin) return undefined;
  const spec = parseSpec(pin.spec, describeSource(pin.source));
  const installed = await installedVersions(ctx.layout, tool.id);
  const lock = await lockFor(pin, spec, tool);
  if (lock) return { pin, spec, version: installed.includes(lock.entry.version) ? lock.entry.version : undefined, lock };
  return { pin, spec, version: pickPreferring(spec, installed, await ephemeralVersions(ctx.layout, tool.id)) };
}

export function notSelected(tool: ToolIdentity): ToolError {
  return new ToolError('TOOL_NOT_SELECTED', `no version of ${tool.id} is selected here (no ${tool.envVar}, no .tools entry, no global selection)`, {
    hint: `Run \`tool add ${tool.id}\` or \`tool pin ${tool.id}@<version>\``,
  });
}

export interface WhichResult {
  tool: string;
  exe: string;
  spec: string;
  source: PinSource;
  version: string | undefined;
  path: string | undefined;
  /** Executables of that store version changed after install. */
  modified: string[];
}

export async function whichTool(ctx: AppContext, tool: ToolIdentity, exe: string): Promise<WhichResult> {
  const selection = await selectionHere(ctx, tool);
  if (!selection) throw notSelected(tool);
  const { version } = selection;
  const manifest = version ? await readManifest(ctx.layout, tool.id, version) : undefined;
  return {
    modified: manifest ? await modifiedAfterInstall(ctx.layout, manifest) : [],
    tool: tool.id,
    exe,
    spec: selection.pin.spec,
    source: selection.pin.source,
    version,
    path: !version ? undefined : selection.pin.source.kind === 'global' && isLive(tool) ? ctx.layout.liveBin(tool.id, exe) : ctx.layout.versionBin(tool.id, version, exe),
  };
}

/** The executable to use when a name was given: the tool's own name if it is an exe, else its first. */
export function defaultExe(tool: ToolIdentity, requested: string): string {
  const exes = tool.state?.exes ?? tool.entry?.bins.map((bin) => bin.name) ?? [];
  if (exes.includes(requested)) return requested;
  return exes[0] ?? tool.repo.split('/')[1]!;
}
