/**
 * Local stand-in for the project-wide `LakemirrorError` (`src/model/errors.ts`), kept
 * constructor-compatible so the two can be unified at merge without touching call sites.
 */
export type ErrorSource = 'user' | 'aws' | 'internal';

export interface LakemirrorErrorInit {
  /** Stable dotted code, e.g. `aws.AccessDeniedException` or `config.invalid`. */
  code: string;
  message: string;
  /** Who has to act: the user (fix input), AWS (transient/permissions), or us (a bug). */
  source: ErrorSource;
  /** The AWS object concerned, e.g. `table sales.orders in us-west-2`. */
  object?: string;
  /** What the user can do about it. */
  fix?: string;
  cause?: unknown;
}

/** The one error type lakemirror throws: a stable code, who is at fault, the object and a fix. */
export class LakemirrorError extends Error {
  readonly code: string;
  readonly source: ErrorSource;
  readonly object: string | undefined;
  readonly fix: string | undefined;

  constructor(init: LakemirrorErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'LakemirrorError';
    this.code = init.code;
    this.source = init.source;
    this.object = init.object;
    this.fix = init.fix;
  }
}
