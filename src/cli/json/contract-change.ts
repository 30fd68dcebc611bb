/** The documents of the commands that install, select, pin and remove. */
import { arr, bool, enumOf, num, obj, orNull, str, type CommandContract } from './schema.js';
import { Attestation, ErrorInfo, HeldBack, Verification } from './shared-shapes.js';

export const changeContracts: CommandContract[] = [
  {
    command: 'tool add <tool> --json',
    formatVersion: 1,
    shape: obj({ tool: str, version: str, downloaded: bool, follows: str, held: bool, unchanged: bool, changes: arr(str), exes: arr(str), sha256: str, verification: Verification, attestation: orNull(Attestation), heldBack: orNull(HeldBack), minAgeRecorded: orNull(obj({ file: str, line: num, changed: bool })) }),
    note: '`changes` says in words what moved (`"13.0.0 → 14.1.1"`, `"hold released"`); empty when `unchanged`',
  },
  {
    command: 'tool add <tool> --dry-run --json',
    formatVersion: 1,
    shape: obj({ tool: str, repo: str, version: str, tag: str, platform: str, asset: str, url: str, because: str, rosetta: bool, runnersUp: arr(obj({ asset: str, because: str })), checksum: str, heldBack: orNull(HeldBack) }),
  },
  {
    command: 'tool pin <tool> --json',
    formatVersion: 1,
    shape: obj({ tool: str, spec: str, file: str, version: str, downloaded: bool }),
  },
  {
    command: 'tool unpin <tool> --json',
    formatVersion: 1,
    shape: obj({ tool: str, file: str }),
  },
  {
    command: 'tool install --json',
    formatVersion: 1,
    shape: obj({
      file: str,
      locked: bool,
      tools: arr(obj({ tool: str, spec: str, line: num, version: str, downloaded: bool })),
      failed: arr(obj({ tool: str, spec: str, line: num, error: ErrorInfo })),
    }),
    note: 'A failed line does not stop the others; the exit code is the failures\' shared category, else 1',
  },
  {
    command: 'tool remove <tool> --json',
    formatVersion: 1,
    shape: obj({ tool: str, whole: bool, versions: arr(str), shims: arr(str), stillPinned: arr(obj({ file: str, line: num, spec: str, inLock: bool })) }),
  },
  {
    command: 'tool update --json',
    formatVersion: 1,
    shape: obj({
      tools: arr(obj({ tool: str, status: enumOf('updated', 'up-to-date', 'held', 'failed', 'project-only'), from: orNull(str), to: orNull(str), message: orNull(str), heldBackNote: orNull(str) })),
    }),
  },
  {
    command: 'tool rollback <tool> --json',
    formatVersion: 1,
    shape: obj({
      tool: str,
      from: orNull(str),
      to: str,
      explicit: bool,
      held: bool,
      reason: orNull(str),
      reinstalled: orNull(obj({ asset: str, againstHistory: bool, verification: Verification })),
    }),
  },
  {
    command: 'tool hold <tool> --json',
    formatVersion: 1,
    shape: obj({ tool: str, held: bool, changed: bool, version: orNull(str) }),
    note: 'The same for `tool unhold`',
  },
  {
    command: 'tool prune --json',
    formatVersion: 1,
    shape: obj({
      dryRun: bool,
      decisions: arr(obj({ tool: str, version: str, removed: bool, because: arr(str), rollbackTarget: bool })),
    }),
  },
];
