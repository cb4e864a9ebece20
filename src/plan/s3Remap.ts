import type { StorageDescriptorInput } from '../model/glueInputs.ts';
import type { SnapshotRecord } from '../model/records.ts';

/** `{ "source-bucket": "target-bucket" }`: buckets are Regional, so DR targets point at replica buckets. */
export type S3Mapping = Readonly<Record<string, string>>;

/** Parameter keys that hold S3 locations: Iceberg metadata pointers, Hive/Spark `location`, Delta's `path`. */
export const LOCATION_PARAMETER_KEYS: readonly string[] = [
  'metadata_location',
  'previous_metadata_location',
  'location',
  'path',
];

const S3_URI = /^(s3[an]?:\/\/)([^/]+)(.*)$/s;
const S3_ARN = /^(arn:aws[a-z-]*:s3:::)([^/]+)(.*)$/s;

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

/** A copy of the record with every S3 location it holds remapped; the input is never changed. */
export function remapRecord<R extends SnapshotRecord>(record: R, mapping: S3Mapping): R {
  if (Object.keys(mapping).length === 0) return record;
  return remapAny(record, mapping) as R;
}

function remapAny(record: SnapshotRecord, mapping: S3Mapping): SnapshotRecord {
  const uri = (value: string) => remapS3Uri(value, mapping);
  switch (record.kind) {
    case 'database': {
      const { LocationUri } = record.input;
      return LocationUri === undefined
        ? record
        : { ...record, input: { ...record.input, LocationUri: uri(LocationUri) } };
    }
    case 'table':
    case 'partition': {
      const { StorageDescriptor, Parameters } = record.input as {
        StorageDescriptor?: StorageDescriptorInput;
        Parameters?: Record<string, string>;
      };
      const input = {
        ...record.input,
        ...(StorageDescriptor
          ? { StorageDescriptor: remapStorageDescriptor(StorageDescriptor, mapping) }
          : {}),
        ...(Parameters ? { Parameters: remapParameters(Parameters, mapping) } : {}),
      };
      return { ...record, input } as SnapshotRecord;
    }
    case 'location':
      return { ...record, resourceArn: uri(record.resourceArn) };
    case 'grant': {
      const location = record.resource.DataLocation;
      return location
        ? { ...record, resource: { DataLocation: { ResourceArn: uri(location.ResourceArn) } } }
        : record;
    }
    default:
      return record;
  }
}

function remapStorageDescriptor(sd: StorageDescriptorInput, mapping: S3Mapping): StorageDescriptorInput {
  const uri = (value: string) => remapS3Uri(value, mapping);
  const { Location, AdditionalLocations, SkewedInfo, Parameters, SerdeInfo } = sd;
  const skewedMaps = SkewedInfo?.SkewedColumnValueLocationMaps;
  return {
    ...sd,
    ...(Location === undefined ? {} : { Location: uri(Location) }),
    ...(AdditionalLocations ? { AdditionalLocations: AdditionalLocations.map(uri) } : {}),
    ...(SkewedInfo && skewedMaps
      ? {
          SkewedInfo: {
            ...SkewedInfo,
            SkewedColumnValueLocationMaps: mapValues(skewedMaps, () => true, uri),
          },
        }
      : {}),
    ...(Parameters ? { Parameters: remapParameters(Parameters, mapping) } : {}),
    ...(SerdeInfo?.Parameters
      ? { SerdeInfo: { ...SerdeInfo, Parameters: remapParameters(SerdeInfo.Parameters, mapping) } }
      : {}),
  };
}

function remapParameters(parameters: Record<string, string>, mapping: S3Mapping): Record<string, string> {
  return mapValues(
    parameters,
    (key) => LOCATION_PARAMETER_KEYS.includes(key),
    (value) => remapS3Uri(value, mapping),
  );
}

function mapValues(
  map: Record<string, string>,
  applies: (key: string) => boolean,
  change: (value: string) => string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(map).map(([key, value]) => [key, applies(key) ? change(value) : value]),
  );
}
