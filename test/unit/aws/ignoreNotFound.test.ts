import { describe, expect, it } from 'vitest';
import { ignoreNotFound } from '../../../src/aws/ignoreNotFound.ts';
import { type ErrorCode, LakemirrorError } from '../../../src/model/errors.ts';
import { awsError } from './fakes/fakeAwsClient.ts';

const classified = (code: ErrorCode) => new LakemirrorError({ code, source: 'aws', message: code });
const failing = (error: Error) => async () => {
  throw error;
};

describe('ignoreNotFound', () => {
  it('returns what the call returns', async () => {
    expect(await ignoreNotFound(async () => ['a'])).toEqual(['a']);
  });

  it('turns aws.EntityNotFoundException into undefined', async () => {
    expect(await ignoreNotFound(failing(classified('aws.EntityNotFoundException')))).toBeUndefined();
  });

  it('passes every other error on, an unclassified SDK EntityNotFoundException too', async () => {
    await expect(ignoreNotFound(failing(classified('aws.AccessDeniedException')))).rejects.toThrow(
      'aws.AccessDeniedException',
    );
    await expect(ignoreNotFound(failing(awsError('EntityNotFoundException')))).rejects.toMatchObject({
      name: 'EntityNotFoundException',
    });
  });
});
