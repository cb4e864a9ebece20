import type { S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { listObjectsV2 } from '../../aws/commands/s3.ts';
import type { TableRecord } from '../../model/records.ts';
import type { DrillCheck } from '../../report/reportTypes.ts';
import { probesOfTable, type S3Probe } from './s3Location.ts';

/** What S3 said about one probe: `undefined` = found, else why it is not usable. */
export async function runProbe(s3: S3Client, probe: S3Probe): Promise<string | undefined> {
  try {
    const answer = await listObjectsV2(s3, { Bucket: probe.bucket, Prefix: probe.key, MaxKeys: 1 });
    const first = answer.Contents?.[0]?.Key;
    if (first !== undefined && (!probe.exact || first === probe.key)) return undefined;
    return probe.exact ? 'the file does not exist' : 'no objects under this prefix';
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'NoSuchBucket') return `bucket ${probe.bucket} does not exist`;
    return `${name}: ${(error as Error).message}`;
  }
}

/**
 * Usability: every table's storage location (and Iceberg metadata file) exists in the target's S3.
 * Tested with ListObjectsV2 on the prefix, MaxKeys 1: an S3 "directory" is only a key prefix, so
 * HeadObject on it says nothing. Views and resource links have no location and are skipped.
 */
export async function checkStorageLocations(
  region: string,
  s3: S3Client,
  tables: readonly TableRecord[],
  concurrency: number,
): Promise<DrillCheck> {
  const name = `${region}: table data exists in S3`;
  const probes = tables.flatMap((t) => probesOfTable(`${t.databaseName}.${t.input.Name}`, t.input));
  const without = tables.length - new Set(probes.map((p) => p.table)).size;
  if (probes.length === 0) {
    return { name, status: 'skipped', detail: `No table in ${region} has an S3 location.` };
  }
  const limit = pLimit(concurrency);
  const answers = await Promise.all(
    probes.map((p) => limit(async () => ({ p, problem: await runProbe(s3, p) }))),
  );
  const failures = answers
    .filter((a) => a.problem !== undefined)
    .map(({ p, problem }) => `${p.table}: ${p.uri} — ${problem}`);
  const detail =
    `${probes.length} S3 locations of ${tables.length - without} tables checked with ListObjectsV2 ` +
    `(prefix, MaxKeys 1; HeadObject cannot test a prefix, which is all an S3 "directory" is)` +
    `${without > 0 ? `; ${without} views, resource links or tables without an S3 location skipped` : ''}.`;
  if (failures.length === 0) return { name, status: 'pass', detail };
  return {
    name,
    status: 'fail',
    detail,
    fix: 'copy the data into the target bucket (S3 Cross-Region Replication, or `aws s3 sync s3://<source-bucket>/<prefix> s3://<target-bucket>/<prefix>`), or correct `s3Mapping` in the config so locations name the replicated bucket and run `lakemirror sync`',
    failures,
  };
}
