/** An S3 object or prefix a table needs, named by the table it belongs to. */
export interface S3Probe {
  /** `db.table`. */
  table: string;
  uri: string;
  bucket: string;
  /** Key prefix (a "directory") or exact key (Iceberg metadata file). */
  key: string;
  exact: boolean;
}

const S3_URI = /^s3[an]?:\/\/([^/]+)\/?(.*)$/;

/**
 * The probe for one location, or `undefined` for a non-S3 location. A table location is a prefix and
 * gets a trailing `/`, so `orders` does not match `orders_old/…`; a metadata file is an exact key.
 */
export function s3Probe(table: string, uri: string, exact: boolean): S3Probe | undefined {
  const match = S3_URI.exec(uri.trim());
  if (!match) return undefined;
  const bucket = match[1]!;
  let key = match[2] ?? '';
  if (!exact && key !== '' && !key.endsWith('/')) key = `${key}/`;
  return { table, uri, bucket, key, exact };
}

/** What a table needs in S3: its storage location and, for Iceberg, its current metadata file. */
export function probesOfTable(
  table: string,
  input: { StorageDescriptor?: { Location?: string }; Parameters?: Record<string, string> },
): S3Probe[] {
  const probes: S3Probe[] = [];
  const location = input.StorageDescriptor?.Location;
  if (location) {
    const probe = s3Probe(table, location, false);
    if (probe) probes.push(probe);
  }
  const metadata = input.Parameters?.metadata_location;
  if (metadata) {
    const probe = s3Probe(table, metadata, true);
    if (probe) probes.push(probe);
  }
  return probes;
}
