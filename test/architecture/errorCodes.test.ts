import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode, NOTICE_CODES } from '../../src/model/errorCodes.ts';
import { LakemirrorError } from '../../src/model/errors.ts';
import { sourceFiles } from './importScanner.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sources = sourceFiles(root, 'src').map((file) => ({
  file,
  text: readFileSync(`${root}${file}`, 'utf8'),
}));

/**
 * The two plain `Error`s left are Step Functions task errors: the state machine retries by error *name*
 * (`lakemirror.Throttled`, `lakemirror.Transient`), so they carry that name, not a LakemirrorError's.
 */
const TASK_ERRORS = ['src/handlers/applyShard.ts', 'src/handlers/handlerSupport.ts'];

describe('error codes', () => {
  it('throws no plain Error in product code (every error has a registered code)', () => {
    const plain = sources.filter(({ text }) => /new Error\(/.test(text)).map(({ file }) => file);
    expect(plain).toEqual(TASK_ERRORS);
  });

  it('registers only codes the product raises', () => {
    const all = sources.map(({ text }) => text).join('\n');
    const unused = Object.keys(ERROR_CODES).filter((code) => !all.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('registers only notice codes the product sends, and each notice code once', () => {
    const all = sources.map(({ text }) => text).join('\n');
    expect(Object.keys(NOTICE_CODES).filter((code) => !all.includes(`'${code}'`))).toEqual([]);
    expect(Object.keys(NOTICE_CODES).filter((code) => Object.hasOwn(ERROR_CODES, code))).toEqual([]);
  });

  it('tells registered and AWS codes from others', () => {
    expect(isErrorCode('snapshot.hashMismatch')).toBe(true);
    expect(isErrorCode('aws.AccessDeniedException')).toBe(true);
    expect(isErrorCode('snapshot.hashmismatch')).toBe(false);
    const error = new LakemirrorError({ code: 'lease.held', source: 'user', message: 'held' });
    expect(isErrorCode(error.code)).toBe(true);
  });
});
