import { recordKey } from '../model/keys.ts';
import type { SnapshotRecord } from '../model/records.ts';

/** `{ "source-bucket": "target-bucket" }`: buckets are Regional, so DR targets point at replica buckets. */
export type S3Mapping = Readonly<Record<string, string>>;

/** A mapped source bucket the rule found but would not rewrite; the caller reports it, nothing is guessed. */
export interface UndecidedS3Reference {
  kind: SnapshotRecord['kind'];
  /** The source record's key. */
  key: string;
  /** Dotted path of the field, e.g. `input.Parameters.spark.sql.sources.schema` or `input.ViewOriginalText`. */
  field: string;
  /** The source bucket named there. */
  bucket: string;
  reason: 'embedded' | 'identity';
}

const S3_URI = /^(s3[an]?:\/\/)([^/]+)(.*)$/s;
const S3_ARN = /^(arn:aws[a-z-]*:s3:::)([^/]+)(.*)$/s;
/**
 * Where an S3 reference starts inside any text; the bucket follows. Zero-width, so references that overlap
 * (`s3://a-s3://b`) are all found, as any reader of the text would find them.
 */
const REFERENCE = /(?=(?:s3[an]?:\/\/|arn:aws[a-z-]*:s3:::)([A-Za-z0-9._-]+))/g;
/**
 * Fields that name the record (they make its key): a bucket there is never rewritten, because the record
 * would then stand for another object. Registered-location and DataLocation ARNs are not names: they are
 * locations, and rewriting them is the point.
 */
const IDENTITY = /^(databaseName|tableName|principal|key|input\.Name|input\.Values\.\d+|values\.\d+)$/;

/**
 * Swaps the bucket of an `s3://`, `s3a://`, `s3n://` URI or `arn:<partition>:s3:::` ARN and keeps the rest.
 * Anything else, and buckets not in the mapping, come back unchanged.
 */
export function remapS3Uri(uri: string, mapping: S3Mapping): string {
  const match = S3_URI.exec(uri) ?? S3_ARN.exec(uri);
  if (!match) return uri;
  const [, scheme, bucket, rest] = match;
  const target = bucket === undefined ? undefined : mapping[bucket];
  return target === undefined ? uri : `${scheme}${target}${rest}`;
}

/**
 * A copy of the record with every S3 location it holds remapped, by one rule rather than a list of fields:
 * any string value, at any depth (parameters of databases, tables, partitions, storage descriptors and SerDes,
 * view text, filter expressions, locations, grants), that is one S3 URI or S3 ARN of a mapped bucket is
 * rewritten. A mapped bucket named inside a longer text (JSON, SQL, a list) or in a field that names the
 * record cannot be rewritten safely: it is left as it is and passed to `onUndecided`. The input is never changed.
 */
export function remapRecord<R extends SnapshotRecord>(
  record: R,
  mapping: S3Mapping,
  onUndecided?: (reference: UndecidedS3Reference) => void,
): R {
  if (Object.keys(mapping).length === 0) return record;
  let key: string | undefined;
  const report = (field: string, bucket: string, reason: UndecidedS3Reference['reason']) => {
    key ??= recordKey(record);
    onUndecided?.({ kind: record.kind, key, field, bucket, reason });
  };
  const remapString = (value: string, field: string): string => {
    if (!value.includes('s3')) return value;
    const buckets = [...value.matchAll(REFERENCE)].map((m) => m[1] ?? '');
    const mapped = buckets.filter((b) => mapping[b] !== undefined);
    if (mapped.length === 0) return value;
    const whole = buckets.length === 1 && (S3_URI.exec(value) ?? S3_ARN.exec(value))?.[2] === buckets[0];
    if (whole && !IDENTITY.test(field)) return remapS3Uri(value, mapping);
    for (const bucket of new Set(mapped)) report(field, bucket, whole ? 'identity' : 'embedded');
    return value;
  };
  return remapValue(record, '', remapString) as R;
}

/** Rebuilds objects and arrays, changing strings only; map keys are kept. */
function remapValue(
  value: unknown,
  path: string,
  remapString: (s: string, field: string) => string,
): unknown {
  if (typeof value === 'string') return remapString(value, path);
  const at = (name: string | number) => (path ? `${path}.${name}` : String(name));
  if (Array.isArray(value)) return value.map((item, i) => remapValue(item, at(i), remapString));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [name, remapValue(item, at(name), remapString)]),
  );
}
