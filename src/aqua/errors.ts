/**
 * Internal signals of the aqua evaluator. Neither reaches a user directly:
 * resolve.ts turns them into `unsupported` or `no-asset` results that name the
 * package and field.
 *
 * - AquaUnsupportedError: the registry uses a construct this evaluator does not
 *   implement (aqua would understand it). The message names the construct.
 * - AquaEvalError: the construct is understood but fails for this input, the
 *   way it would fail in aqua (a type mismatch, an unparsable version passed to
 *   `semver`, a template that indexes past the end of a list).
 */

export class AquaUnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AquaUnsupportedError';
  }
}

export class AquaEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AquaEvalError';
  }
}
