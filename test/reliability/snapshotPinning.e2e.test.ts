import { GetDatabasesCommand } from '@aws-sdk/client-glue';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnapshotStore } from '../../src/aws/createSnapshotStore.ts';
import { loadSnapshot, streamSnapshotPartitions } from '../../src/engine/readSnapshot.ts';
import type { RegionSide } from '../../src/engine/regionSide.ts';
import { createRuntime, runSync } from '../../src/ondemand/index.ts';
import { runSnapshot } from '../../src/ondemand/runSnapshot.ts';
import { demoConfig, seedDemo } from '../support/demoSync.ts';
import { clientsFor, startTestCloud } from '../support/localCloud.ts';

const BUCKET = 'pinned-snapshots';

describe('every read of one S3 snapshot is pinned to the version read first (local cloud S3, real SDK)', () => {
  let cloud: LocalCloud;
  let uri: string;
  let replacement: string;
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    await clientsFor(cloud).s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    const config = demoConfig(cloud, { snapshots: { uri: `s3://${BUCKET}/snaps/` } });
    uri = (await runSync(createRuntime(config), { dryRun: true, keepSnapshot: true })).snapshot.uri!;
    // Another valid snapshot of the same source: a replacement that passes every check on its own.
    const other = demoConfig(cloud, { snapshots: { uri: `s3://${BUCKET}/other/` } });
    const otherUri = (
      await runSync(createRuntime(other), { dryRun: true, keepSnapshot: true, databases: ['sales'] })
    ).snapshot.uri!;
    replacement = await read(otherUri);
  });
  afterAll(async () => {
    await cloud.stop();
  });

  async function read(s3Uri: string): Promise<string> {
    const Key = s3Uri.slice(`s3://${BUCKET}/`.length);
    const got = await clientsFor(cloud).s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    return got.Body!.transformToString();
  }

  async function replace(s3Uri: string, text: string): Promise<void> {
    const Key = s3Uri.slice(`s3://${BUCKET}/`.length);
    await clientsFor(cloud).s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: text }));
  }

  it('the partition pass of a snapshot replaced after the first read is snapshot.changed', async () => {
    const original = await read(uri);
    const store = createSnapshotStore(`s3://${BUCKET}/`, { s3: clientsFor(cloud).s3 });
    const loaded = await loadSnapshot(store, uri);
    expect(loaded.pin.version).toMatch(/^etag:/);
    await replace(uri, replacement);

    const second = async () => {
      for await (const _ of streamSnapshotPartitions(store, uri, loaded.pin)) {
      }
    };

    await expect(second()).rejects.toMatchObject({ code: 'snapshot.changed' });
    await replace(uri, original);
  });

  it('sync --snapshot of an S3 snapshot replaced while the run applies it applies the version it read first, never a mix', async () => {
    const original = await read(uri);
    let replaced = false;
    const wrapSide = (side: RegionSide): RegionSide => {
      if (side.region !== 'us-west-2') return side;
      const writer = side.glueWriter;
      const glueWriter = new Proxy(writer, {
        get(object, prop, receiver) {
          const value = Reflect.get(object, prop, receiver);
          if (prop !== 'createTable' || typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            if (!replaced) {
              replaced = true;
              await replace(uri, replacement);
            }
            return value.apply(object, args);
          };
        },
      });
      return { ...side, glueWriter } as RegionSide;
    };
    const config = demoConfig(cloud, { snapshots: { uri: `s3://${BUCKET}/snaps/` } });

    const report = await runSync(createRuntime(config, { wrapSide }), { snapshotUri: uri });

    expect(replaced).toBe(true);
    // The run read the snapshot in full (records, then every table's partitions) before its first write,
    // and applied what it read: every database of the original, not only the replacement's one.
    expect(report.targets[0]!.error).toBeUndefined();
    expect(report.targets[0]!.failures).toEqual([]);
    const { DatabaseList } = await clientsFor(cloud, 'us-west-2').glue.send(new GetDatabasesCommand({}));
    const originalDatabases = original
      .split('\n')
      .filter((line) => line.startsWith('{"input":') && line.includes('"kind":"database"'))
      .map((line) => (JSON.parse(line.replace(/,$/, '')) as { input: { Name: string } }).input.Name);
    expect(originalDatabases.length).toBeGreaterThan(1);
    expect(DatabaseList?.map((d) => d.Name).sort()).toEqual(originalDatabases.sort());
    await replace(uri, original);
  });

  it('a snapshot the run writes is read back pinned to the version its write made (the PutObject ETag)', async () => {
    const config = demoConfig(cloud, { snapshots: { uri: `s3://${BUCKET}/fresh/` } });

    const { taken } = await runSnapshot(createRuntime(config));
    const Key = taken.uri.slice(`s3://${BUCKET}/`.length);
    const head = await clientsFor(cloud).s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key }));

    expect(taken.version).toBe(`etag:${head.ETag}`);
  });
});
