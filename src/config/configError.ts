import { type ErrorCode, LakemirrorError } from '../model/errors.ts';

/** A problem with the user's configuration file: always `source: 'user'`, always with a fix. */
export class ConfigError extends LakemirrorError {
  /** One line per problem (`path: what is wrong; allowed: ...`), also joined into `message`. */
  readonly problems: readonly string[];

  constructor(init: {
    code: ErrorCode;
    message: string;
    fix: string;
    problems?: readonly string[];
    cause?: unknown;
  }) {
    super({ ...init, source: 'user' });
    this.name = 'ConfigError';
    this.problems = init.problems ?? [];
  }
}
