import type { ErrorCode } from './errorCodes.ts';

export type { ErrorCode } from './errorCodes.ts';

/** Who is to blame: decides the wording of the message and the exit code. */
export type ErrorSource = 'user' | 'aws' | 'internal';

/** What a LakemirrorError carries besides its message. */
export interface LakemirrorErrorDetails {
  /** Stable dotted code from the registry (`errorCodes.ts`); tests and the CLI match on it, never on the message. */
  code: ErrorCode;
  message: string;
  source: ErrorSource;
  /** The AWS object concerned, in words, e.g. `table sales.orders`. */
  object?: string;
  /** One sentence telling the user what to do next. */
  fix?: string;
  cause?: unknown;
}

/**
 * The one error type of lakemirror. A stable code instead of subclasses keeps `catch` sites simple:
 * they switch on `code` and `source`, and the renderer shows `object` and `fix` without knowing the layer.
 */
export class LakemirrorError extends Error {
  readonly code: ErrorCode;
  readonly source: ErrorSource;
  readonly object?: string;
  readonly fix?: string;

  constructor(details: LakemirrorErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'LakemirrorError';
    this.code = details.code;
    this.source = details.source;
    if (details.object !== undefined) this.object = details.object;
    if (details.fix !== undefined) this.fix = details.fix;
  }
}

/** Narrows an unknown thrown value, optionally to one code. */
export function isLakemirrorError(error: unknown, code?: ErrorCode): error is LakemirrorError {
  return error instanceof LakemirrorError && (code === undefined || error.code === code);
}
