/**
 * The one user-facing error type. Anything a user can cause (bad input, missing
 * release, network trouble, checksum mismatch) is a ToolError: a stable code, a
 * sentence naming the file/URL/tool involved, and a remedy. The CLI prints it as
 * one line and exits with the code's category. Programmer errors stay plain Error.
 */

export const ExitCode = {
  failure: 1,
  usage: 2,
  notFound: 3,
  network: 4,
  integrity: 5,
  config: 6,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const exitCodeByCode: Record<string, ExitCode> = {
  TOOL_USAGE: ExitCode.usage,
  TOOL_UNKNOWN_TOOL: ExitCode.notFound,
  TOOL_NOT_FOUND: ExitCode.notFound,
  TOOL_NO_MATCHING_VERSION: ExitCode.notFound,
  TOOL_RELEASE_TOO_NEW: ExitCode.notFound,
  TOOL_NO_MATCHING_ASSET: ExitCode.notFound,
  TOOL_NOT_SELECTED: ExitCode.notFound,
  TOOL_NOT_INSTALLED: ExitCode.notFound,
  TOOL_NETWORK: ExitCode.network,
  TOOL_RATE_LIMITED: ExitCode.network,
  TOOL_SERVER_ERROR: ExitCode.network,
  TOOL_CHECKSUM_MISMATCH: ExitCode.integrity,
  TOOL_UNSAFE_ARCHIVE: ExitCode.integrity,
  TOOL_BAD_ARCHIVE: ExitCode.integrity,
  TOOL_ARCHIVE_LIMIT: ExitCode.integrity,
  TOOL_INSECURE_URL: ExitCode.integrity,
  TOOL_NOT_APPROVED: ExitCode.integrity,
  TOOL_BAD_TOOLS_FILE: ExitCode.config,
  TOOL_BAD_SPEC: ExitCode.config,
  TOOL_BAD_REGISTRY: ExitCode.config,
  TOOL_BAD_SETTING: ExitCode.config,
  TOOL_BAD_STATE: ExitCode.config,
  TOOL_UNSUPPORTED_PLATFORM: ExitCode.config,
  TOOL_BIN_NOT_FOUND: ExitCode.notFound,
  TOOL_BIN_AMBIGUOUS: ExitCode.notFound,
  TOOL_LOCKED: ExitCode.failure,
  TOOL_NOTHING_TO_ROLL_BACK: ExitCode.notFound,
  TOOL_EXEC_FAILED: ExitCode.failure,
  TOOL_BAD_DECLARED_FILE: ExitCode.config,
  TOOL_BAD_LOCK: ExitCode.config,
  TOOL_LOCK_MISSING: ExitCode.config,
  TOOL_LOCK_DRIFT: ExitCode.config,
  TOOL_LOCK_MISMATCH: ExitCode.integrity,
  TOOL_ATTESTATION_FAILED: ExitCode.integrity,
  TOOL_ATTESTATION_MISSING: ExitCode.integrity,
  TOOL_UNWRITABLE: ExitCode.config,
  TOOL_UNSUPPORTED_PACKAGE: ExitCode.notFound,
};

export interface ToolErrorOptions {
  /** What the user should do next; printed after the message on the same line. */
  hint?: string;
  cause?: unknown;
}

export class ToolError extends Error {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: ToolErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ToolError';
    this.code = code;
    this.hint = options.hint;
  }

  get exitCode(): ExitCode {
    return exitCodeByCode[this.code] ?? ExitCode.failure;
  }

  /** The one line a user sees: message, then remedy. */
  toLine(): string {
    const message = this.message.replace(/[.\s]+$/, '');
    return this.hint ? `${message}. ${this.hint}` : `${message}.`;
  }
}

export function isToolError(value: unknown, code?: string): value is ToolError {
  return value instanceof ToolError && (code === undefined || value.code === code);
}
