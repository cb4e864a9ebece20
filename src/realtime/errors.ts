/**
 * Error of the real-time layer: a stable dotted code, the object it concerns, and a cause.
 * Local stand-in for `LakemirrorError` (src/model/errors.ts is being written concurrently); at merge this
 * becomes a `LakemirrorError` with the same codes.
 */
export type RealtimeErrorCode = 'collect.writeFailed';

export class RealtimeError extends Error {
  constructor(
    readonly code: RealtimeErrorCode,
    message: string,
    readonly details: { source: 'user' | 'aws' | 'internal'; object?: string; payload?: unknown } = {
      source: 'internal',
    },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RealtimeError';
  }
}
