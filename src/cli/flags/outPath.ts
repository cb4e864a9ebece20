import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LakemirrorError } from '../../model/errors.ts';
import { reportFormatFor } from '../../report/writeReport.ts';

/**
 * `--out` is checked before anything is read: a report format the extension names, in a directory that
 * exists and is writable. A run of several minutes must not end with nowhere to put its result.
 */
export function assertReportOut(path: string | undefined): void {
  if (path === undefined || path === '-') return;
  reportFormatFor(path);
  assertWritableDirectory(dirname(resolve(path)), path);
}

/** The directory `path` is written into must exist and be writable. */
export function assertWritableDirectory(directory: string, path: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(directory).isDirectory();
  } catch {}
  if (!isDirectory)
    throw new LakemirrorError({
      code: 'flags.outDirectory',
      source: 'user',
      object: `--out ${path}`,
      message: `cannot write ${path}: the directory ${directory} does not exist`,
      fix: `create ${directory} first, or pass --out with a path in an existing directory`,
    });
  try {
    accessSync(directory, constants.W_OK);
  } catch {
    throw new LakemirrorError({
      code: 'flags.outDirectory',
      source: 'user',
      object: `--out ${path}`,
      message: `cannot write ${path}: the directory ${directory} is not writable`,
      fix: 'pass --out with a path in a directory you can write to',
    });
  }
}
