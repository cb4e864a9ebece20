import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLeaks, type LeakScope } from '../../src/leak/leakCheck.ts';
import type { SnapshotRecord } from '../../src/model/records.ts';
import { remapRecord, type UndecidedS3Reference } from '../../src/plan/s3Remap.ts';

/**
 * Random records with S3 URIs and ARNs in random fields: after the remap, the leak check (which shares no
 * code with the remap) finds no mapped source bucket, except exactly where the remap said it could not decide.
 */
const MAPPING = { 'src-a': 'dst-a', 'src-b': 'dst-b' };
const SCOPE: LeakScope = {
  s3Mapping: MAPPING,
  source: { region: 'us-east-1', accountId: '111111111111' },
  target: { region: 'us-east-1', accountId: '111111111111' },
};
// Unmapped buckets that look like mapped ones (a prefix, a target bucket) must stay as they are.
const bucket = fc.constantFrom('src-a', 'src-b', 'src-a-2', 'dst-a', 'other.bucket');
const scheme = fc.constantFrom('s3://', 's3a://', 's3n://', 'arn:aws:s3:::', 'arn:aws-cn:s3:::');
const segment = fc.stringMatching(/^[a-z0-9_=.-]{1,8}$/);
const uri = fc
  .tuple(scheme, bucket, fc.array(segment, { maxLength: 3 }), fc.boolean())
  .map(([s, b, path, slash]) => `${s}${b}${path.length ? `/${path.join('/')}` : ''}${slash ? '/' : ''}`);
const plain = fc.constantFrom('', 'parquet', 'EXTERNAL', 'hive', 'a comment', '1');
/** A value holding one URI as a whole, or plain text. */
const wholeValue = fc.oneof(uri, plain);
/** Also URIs inside longer texts: JSON, SQL, lists. */
const glue = fc.constantFrom(' ', ',', "'", '"', ':', 'SELECT * FROM parquet.`', '{"path":"', '"}', ' AND ');
const anyValue = fc.oneof(
  wholeValue,
  fc.array(fc.oneof(uri, glue, plain), { minLength: 2, maxLength: 5 }).map((parts) => parts.join('')),
);
const parameters = (value: fc.Arbitrary<string>) =>
  fc.dictionary(fc.constantFrom('location', 'path', 'metadata_location', 'note', 'x.y', 'comment'), value, {
    maxKeys: 4,
  });

function records(value: fc.Arbitrary<string>): fc.Arbitrary<SnapshotRecord[]> {
  const database = fc
    .record({ LocationUri: value, Description: value, Parameters: parameters(value) }, { requiredKeys: [] })
    .map((input): SnapshotRecord => ({ kind: 'database', input: { Name: 'db', ...input } }));
  const storage = fc.record(
    {
      Location: value,
      AdditionalLocations: fc.array(value, { maxLength: 3 }),
      Parameters: parameters(value),
      SerdeInfo: fc.record({ Parameters: parameters(value) }),
      SkewedInfo: fc.record({ SkewedColumnValueLocationMaps: parameters(value) }),
      Columns: fc.array(fc.record({ Name: fc.constant('c'), Comment: value }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  );
  const table = fc
    .record(
      {
        StorageDescriptor: storage,
        Parameters: parameters(value),
        ViewOriginalText: value,
        ViewExpandedText: value,
      },
      { requiredKeys: [] },
    )
    .map((input): SnapshotRecord => ({ kind: 'table', databaseName: 'db', input: { Name: 't', ...input } }));
  const partition = fc
    .record({ StorageDescriptor: storage, Parameters: parameters(value) }, { requiredKeys: [] })
    .map(
      (input): SnapshotRecord => ({
        kind: 'partition',
        databaseName: 'db',
        tableName: 't',
        input: { Values: ['2024'], ...input },
      }),
    );
  const arn = fc.tuple(fc.constantFrom('arn:aws:s3:::'), bucket, segment).map(([s, b, p]) => `${s}${b}/${p}`);
  const location = arn.map((resourceArn): SnapshotRecord => ({ kind: 'location', resourceArn }));
  const grant = arn.map(
    (ResourceArn): SnapshotRecord => ({
      kind: 'grant',
      principal: 'arn:aws:iam::111111111111:role/analyst',
      resource: { DataLocation: { ResourceArn } },
      permissions: ['DATA_LOCATION_ACCESS'],
      grantable: [],
    }),
  );
  return fc.array(fc.oneof(database, table, partition, location, grant), { minLength: 1, maxLength: 6 });
}

function remapAll(source: SnapshotRecord[]) {
  const undecided: UndecidedS3Reference[] = [];
  const target = source.map((r) => remapRecord(r, MAPPING, (u) => undecided.push(u)));
  return { target, undecided };
}

describe('S3 remap over random records', () => {
  it('leaves no mapped source bucket in any field holding one URI', () => {
    fc.assert(
      fc.property(records(wholeValue), (source) => {
        const { target, undecided } = remapAll(source);
        expect(findLeaks(target, SCOPE)).toEqual([]);
        expect(undecided).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a mapped source bucket only where it reported it could not decide, and never changes the input', () => {
    fc.assert(
      fc.property(records(anyValue), (source) => {
        const before = structuredClone(source);
        const { target, undecided } = remapAll(source);
        const reported = new Set(undecided.map((u) => `${u.kind}|${u.key}|${u.field}`));
        for (const leak of findLeaks(target, SCOPE))
          expect(reported.has(`${leak.kind}|${leak.key}|${leak.field}`), JSON.stringify(leak)).toBe(true);
        expect(source).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
