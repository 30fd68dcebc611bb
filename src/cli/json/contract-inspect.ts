/** The documents of the commands that look and change nothing. */
import { anyObject, arr, bool, enumOf, named, num, obj, orNull, str, type CommandContract } from './schema.js';
import { Attestation, Cause, Cooldown, HeldBack, Source } from './shared-shapes.js';

/** As in registry/*.json (README: Registries). */
const RegistryEntry = named('RegistryEntry', anyObject);

export const inspectContracts: CommandContract[] = [
  {
    command: 'tool which <name> --json',
    formatVersion: 1,
    shape: obj({ tool: str, exe: str, spec: str, source: Source, version: orNull(str), path: orNull(str), modified: arr(str) }),
  },
  {
    command: 'tool list --json',
    formatVersion: 1,
    shape: obj({
      tools: arr(obj({
        tool: str,
        repo: str,
        exes: arr(str),
        versions: arr(str),
        active: orNull(obj({ version: orNull(str), spec: str, source: Source })),
        held: bool,
        reason: orNull(str),
        added: bool,
        modified: arr(str),
        ephemeral: arr(obj({ version: str, expiresAt: str, by: orNull(enumOf('x', 'shell', 'bisect')) })),
        problem: orNull(str),
      })),
    }),
  },
  {
    command: 'tool history <tool> --json',
    formatVersion: 1,
    shape: obj({
      tool: str,
      entries: arr(obj({ at: str, from: orNull(str), to: str, cause: Cause, sha256: str, check: orNull(enumOf('verified', 'unverified', 'mismatch')), note: orNull(str), reason: orNull(str), youngerThanCooldown: orNull(obj({ publishedAt: str, eligibleAt: str, minReleaseAgeSeconds: num, setBy: str })), attestation: orNull(Attestation) })),
    }),
  },
  {
    command: 'tool versions <tool> --json',
    formatVersion: 1,
    shape: obj({ tool: str, releases: arr(obj({ version: str, tag: str, publishedAt: orNull(str), prerelease: bool, installed: bool })) }),
  },
  {
    command: 'tool outdated --json',
    formatVersion: 1,
    shape: obj({
      tools: arr(obj({ tool: str, global: orNull(str), follows: str, wanted: orNull(str), latest: orNull(str), held: bool, reason: orNull(str), outdated: bool, stale: bool, problem: orNull(str), heldBack: orNull(HeldBack), cooldown: orNull(Cooldown) })),
    }),
    note: 'Offline, the rows are the cache\'s (`stale`) and the error follows on stderr',
  },
  {
    command: 'tool search <words> --json',
    formatVersion: 1,
    shape: obj({ results: arr(obj({ tool: str, repo: str, description: str, exes: arr(str), registry: str })) }),
  },
  {
    command: 'tool info <tool> --json',
    formatVersion: 1,
    shape: obj({
      tool: str,
      repo: str,
      entry: orNull(RegistryEntry),
      aqua: orNull(obj({ registry: str, ref: orNull(str), package: str, matchedBy: orNull(str), assetRule: orNull(str), checksumRule: orNull(str), signatures: arr(str) })),
      added: bool,
      versions: arr(str),
      global: orNull(str),
      follows: orNull(str),
      held: bool,
      selfUpdate: bool,
      attestations: obj({
        policy: obj({ mode: enumOf('verify', 'require', 'warn', 'off'), setBy: orNull(str) }),
        signerWorkflow: orNull(str),
        inStore: arr(obj({ version: str, platform: str, asset: str, attestation: orNull(Attestation) })),
        inLocks: arr(obj({ file: str, key: str, version: str, platform: str, attestation: orNull(Attestation) })),
      }),
    }),
  },
];
