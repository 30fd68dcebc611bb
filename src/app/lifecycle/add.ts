/** `tool add`: approve a source, install a version, select it globally, expose its executables. */
import { parseSpec } from '../../core/spec.js';
import type { ToolRequest } from '../../core/tool-ref.js';
import type { Manifest } from '../../store/manifest.js';
import { readToolState, writeToolState, type ToolState } from '../../store/tool-state.js';
import type { AppContext } from '../context.js';
import { identifyTool, identityOf, type ToolIdentity } from '../select/identify.js';
import { ensureInstalled } from '../install/install.js';
import { activateGlobal, globalVersion } from '../select/activate.js';
import { asksForNoChange, describeAddChanges, type AddedSetup } from './add-changes.js';
import { readManifest } from '../../store/read.js';
import { previewInstall } from '../install/preview.js';
import { scheduleNextCheck } from './auto-update.js';
import { syncAllShims } from '../select/refresh.js';
import type { HeldBack } from '../../core/release-age.js';
import type { SettingWritten } from '../../replicate/settings-edit.js';
import { recordMinAge } from './min-age-record.js';

export interface AddOptions {
  assetGlob?: string;
  selfUpdate?: boolean;
  /** Background update check interval in seconds. */
  autoUpdateSeconds?: number;
  /** Why, in the user's words: history, and the comment on the declared line. */
  reason?: string;
  /** `--min-age` as typed: this tool's release cooldown from now on, written to the settings file (min-age-record.ts). */
  minAge?: string;
}

export interface AddResult {
  tool: ToolIdentity;
  version: string;
  installed: boolean;
  manifest: Manifest;
  /** The spec the global selection follows from now on (`tool update` moves within it). */
  follows: string;
  /** What it followed before this add, when it was already added. */
  previousFollow: string | undefined;
  exes: string[];
  conflicts: { exe: string; kept: string }[];
  /** What this add changed about an already added tool, in words (add-changes.ts); empty for a first add. */
  changes: string[];
  /** The tool was already added and the add named nothing to change: nothing moved. */
  unchanged: boolean;
  held: boolean;
  /** A newer release the cooldown set aside; absent when none was. */
  heldBack?: HeldBack;
  /** Where `--min-age` was recorded for later commands. */
  minAgeRecorded?: SettingWritten;
}

/** Record the tool as added (approved) with the executables its manifest exposes. */
export async function rememberTool(ctx: AppContext, tool: ToolIdentity, manifest: Manifest, extra: Partial<ToolState> = {}): Promise<ToolState> {
  const previous = await readToolState(ctx.layout, tool.id);
  const state: ToolState = {
    ...previous,
    ...extra,
    id: tool.id,
    repo: tool.repo,
    exes: [...new Set([...(previous?.exes ?? []), ...Object.keys(manifest.bins)])].sort(),
    ...(tool.aqua ? { aqua: { source: tool.aqua.source, name: tool.aqua.name } } : {}),
    addedAt: previous?.addedAt ?? ctx.now().toISOString(),
  };
  await writeToolState(ctx.layout, state);
  return state;
}

function setupOf(state: ToolState | undefined, version: string | undefined): AddedSetup | undefined {
  if (!state || version === undefined) return undefined;
  return { version, follow: state.follow ?? 'latest', held: Boolean(state.held), selfUpdate: Boolean(state.selfUpdate), autoUpdateSeconds: state.autoUpdateSeconds };
}

/**
 * `tool add x` on a tool already selected globally names nothing to change, so
 * nothing moves (mise and Homebrew alike would upgrade here, silently): its
 * shims are made sure of, a --reason is recorded, and the result says how to move it.
 */
async function keepAsIs(ctx: AppContext, tool: ToolIdentity, version: string, reason: string | undefined): Promise<AddResult | undefined> {
  const manifest = await readManifest(ctx.layout, tool.id, version);
  if (!manifest || !tool.state) return undefined;
  if (reason) await activateGlobal(ctx, tool, version, { cause: 'added', reason });
  const shims = await syncAllShims(ctx);
  const follow = tool.state.follow ?? 'latest';
  return { tool, version, installed: false, manifest, follows: follow, previousFollow: follow, exes: tool.state.exes, conflicts: shims.conflicts.filter((c) => c.skipped === tool.id), changes: [], unchanged: true, held: Boolean(tool.state.held) };
}

export async function addTool(ctx: AppContext, request: ToolRequest, options: AddOptions = {}): Promise<AddResult> {
  const found = await identifyTool(ctx, request.name);
  const selected = found.state ? await globalVersion(ctx, found) : undefined;
  if (selected !== undefined && asksForNoChange(request.spec, options)) {
    const kept = await keepAsIs(ctx, found, selected, options.reason);
    if (kept) return kept;
  }
  const before = setupOf(found.state, selected);
  const spec = parseSpec(request.spec ?? 'latest');
  // A glob is saved for every later install, so it must fit a real release now, even when nothing is downloaded.
  if (options.assetGlob) await previewInstall({ ...ctx, log: () => {} }, request, options.assetGlob);
  const outcome = await ensureInstalled(ctx, found, spec, {
    cause: 'added',
    ...(options.assetGlob ? { assetGlob: options.assetGlob } : {}),
    // An explicit add asks upstream: "ripgrep@14" means the newest 14.x, not whichever 14.x is lying around.
    preferInstalled: false,
  });
  const previousFollow = found.state ? (found.state.follow ?? 'latest') : undefined;
  const state = await rememberTool(ctx, found, outcome.manifest, {
    follow: spec.text,
    ...(options.assetGlob ? { assetGlob: options.assetGlob } : {}),
    ...(options.selfUpdate !== undefined ? { selfUpdate: options.selfUpdate } : {}),
    ...(options.autoUpdateSeconds ? { autoUpdateSeconds: options.autoUpdateSeconds } : {}),
  });
  if (options.autoUpdateSeconds) await scheduleNextCheck(ctx, found.id, options.autoUpdateSeconds);
  // Re-adding a held tool with an explicit add is the user's choice: it is no longer held.
  const tool = await activateGlobal(ctx, identityOf(ctx, { ...found, state }), outcome.version, { cause: 'added', held: false, ...(outcome.release ? { release: outcome.release } : {}), ...(options.reason ? { reason: options.reason } : {}) });
  const shims = await syncAllShims(ctx);
  const after = setupOf(tool.state, outcome.version)!;
  const minAgeRecorded = options.minAge === undefined ? undefined : await recordMinAge(ctx, tool, options.minAge);
  return {
    ...(outcome.heldBack ? { heldBack: outcome.heldBack } : {}),
    ...(minAgeRecorded ? { minAgeRecorded } : {}),
    changes: describeAddChanges(before, after),
    unchanged: false,
    held: after.held,
    tool,
    version: outcome.version,
    installed: outcome.installed,
    manifest: outcome.manifest,
    follows: spec.text,
    previousFollow,
    exes: state.exes,
    conflicts: shims.conflicts.filter((c) => c.skipped === tool.id),
  };
}
