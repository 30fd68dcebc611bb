/** The documents of the commands for locks, sync, the doctor, bisect, registries and setup, and of errors. */
import { arr, bool, enumOf, num, record, obj, orNull, oneOf, str, type CommandContract } from './schema.js';
import { ErrorInfo, Source } from './shared-shapes.js';

const Difference = obj({ tool: str, difference: enumOf('missing', 'extra', 'other-version', 'other-bytes', 'other-hold'), want: orNull(str), have: orNull(str), source: Source });

export const otherContracts: CommandContract[] = [
  {
    command: 'tool lock --json',
    formatVersion: 1,
    shape: obj({ file: str, platforms: arr(str), tools: arr(obj({ tool: str, version: str, spec: str, unhashed: arr(str), missing: arr(str), attestations: record(str) })) }),
  },
  {
    command: 'tool sync --check --json',
    formatVersion: 1,
    shape: obj({ inSync: bool, differences: arr(Difference) }),
  },
  {
    command: 'tool sync --json',
    formatVersion: 1,
    shape: obj({ repaired: arr(Difference), failed: arr(obj({ tool: str, source: Source, error: ErrorInfo })) }),
  },
  {
    command: 'tool doctor --json',
    formatVersion: 1,
    shape: obj({
      ok: bool,
      checks: arr(obj({ name: str, ok: bool, summary: str, problems: arr(obj({ message: str, fix: str, fixable: bool })), notes: arr(str) })),
      fixed: arr(str),
    }),
  },
  {
    command: 'tool bisect <tool> --json',
    formatVersion: 1,
    shape: obj({
      tool: str,
      good: str,
      bad: str,
      candidates: num,
      steps: arr(obj({ version: str, verdict: enumOf('good', 'bad', 'skip'), exitCode: orNull(num), signal: orNull(str), note: orNull(str) })),
      lastGood: orNull(str),
      firstBad: orNull(str),
      untested: arr(str),
      next: arr(str),
    }),
  },
  {
    command: 'tool registry update --json',
    formatVersion: 1,
    shape: obj({
      registries: arr(oneOf(
        obj({ registry: str, ref: str, packages: num, changed: bool, previousRef: orNull(str) }),
        obj({ registry: str, problem: str }),
      )),
    }),
  },
  {
    command: 'tool setup --json',
    formatVersion: 1,
    shape: obj({
      shell: enumOf('bash', 'zsh', 'fish'),
      shimsDir: str,
      dryRun: bool,
      files: arr(obj({ file: str, action: enumOf('add', 'update', 'none'), block: arr(str), pathEntry: orNull(obj({ file: str, line: num })) })),
    }),
  },
  {
    command: 'any command --json, on error (stderr)',
    formatVersion: 1,
    shape: obj({ error: ErrorInfo }),
    note: 'One line on stderr; the exit code is the same as without `--json`',
  },
];
