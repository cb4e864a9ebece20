import { isLakemirrorError } from '../../model/errors.ts';

const BUG = 'this is a bug in lakemirror; please report it with the command you ran';

/**
 * The one rendering of a failed command, for every command: what went wrong, the AWS object, the fix and the
 * code. An error without a code is a bug (every error lakemirror means to raise has a registered code): it is
 * shown as `internal.unexpected`, with its stack for the report.
 */
export function renderError(error: unknown): string[] {
  if (isLakemirrorError(error)) {
    return [
      `error: ${error.message}`,
      ...(error.object ? [`  object: ${error.object}`] : []),
      ...(error.fix ? [`  fix: ${error.fix}`] : []),
      `  code: ${error.code}`,
      ...(error.source === 'internal' ? [`  ${BUG}`] : []),
    ];
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? (error.stack ?? '').split('\n').slice(1) : [];
  return [
    `error: ${message}`,
    '  code: internal.unexpected',
    `  ${BUG}:`,
    ...stack.map((l) => `  ${l.trim()}`),
  ];
}
