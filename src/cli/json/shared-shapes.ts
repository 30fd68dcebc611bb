/** Shapes several commands share, each named once in the README. */
import { enumOf, named, num, obj, orNull, str, type Shape } from './schema.js';

/** Why a version applies: a variable, a project's .tools line, the global selection, a line of the declared set. */
export const Source: Shape = named('Source', obj({
  kind: enumOf('env', 'project', 'global', 'declared'),
  file: orNull(str),
  line: orNull(num),
  variable: orNull(str),
}));

/** How the bytes were checked when they were installed. */
export const Verification: Shape = named('Verification', obj({
  method: enumOf('digest', 'checksum-file', 'lock', 'none'),
  against: orNull(str),
}));

/** A newer release the cooldown (min-release-age) left out, and when it becomes eligible. */
export const HeldBack: Shape = named('HeldBack', obj({ version: str, publishedAt: str, eligibleAt: str }));

/** The cooldown in force and where it was set (`<settings file> line 2`, `TOOL_MIN_RELEASE_AGE`, `--min-age`). */
export const Cooldown: Shape = named('Cooldown', obj({ minReleaseAgeSeconds: num, setBy: str }));

/** What checking a release asset's GitHub artifact attestations found. */
export const Attestation: Shape = named('Attestation', obj({
  status: enumOf('verified', 'absent', 'failed', 'unchecked'),
  repo: orNull(str),
  workflow: orNull(str),
  ref: orNull(str),
  detail: orNull(str),
  recordedIn: orNull(str),
}));

/** The same object `--json` prints on stderr for an error, inside a document. */
export const ErrorInfo: Shape = named('Error', obj({
  code: str,
  message: str,
  hint: orNull(str),
  exit: num,
}));

/** What `tool` made of a tool's own changes, history's `cause`. */
export const Cause: Shape = enumOf('added', 'updated', 'self-update', 'rollback', 'auto-update', 'synced', 'held', 'released', 'pinned');
