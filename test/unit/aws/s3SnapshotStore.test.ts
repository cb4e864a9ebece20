import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3SnapshotStore } from '../../../src/aws/s3SnapshotStore.ts';
import { type RecordingS3, startRecordingS3 } from '../../support/recordingS3.ts';
import { collect } from '../support/collect.ts';

let recording: RecordingS3;
let s3: S3Client;
let sent: RecordingS3['sent'];

beforeAll(async () => {
  recording = await startRecordingS3('snapshots');
  ({ s3, sent } = recording);
});

afterAll(async () => {
  await recording.stop();
});

describe('S3SnapshotStore (against s3rver)', () => {
  it('puts a small snapshot with SSE and reads it back line by line', async () => {
    const store = new S3SnapshotStore(s3, 'snapshots', 'lm/', { region: 'us-east-1' });
    const writer = await store.openWriter('small.json');
    await writer.writeLine('{"header":{}}');
    await writer.writeLine('{"kind":"table"}');
    const { uri } = await writer.close();
    expect(uri).toBe('s3://snapshots/lm/small.json');
    expect(sent.find((c) => c.name === 'PutObjectCommand')?.input.ServerSideEncryption).toBe('AES256');
    expect(await collect(store.readLines(uri))).toEqual(['{"header":{}}', '{"kind":"table"}']);
  });

  it('streams a large snapshot as a multipart upload of fixed-size parts, encrypted', async () => {
    sent.length = 0;
    const store = new S3SnapshotStore(s3, 'snapshots', 'lm/', { region: 'us-east-1', partBytes: 1024 });
    const writer = await store.openWriter('big.json');
    const lines = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({ kind: 'partition', key: `t/[${i}]` }),
    );
    for (const line of lines) await writer.writeLine(line);
    const { uri } = await writer.close();
    const names = sent.map((c) => c.name);
    expect(names[0]).toBe('CreateMultipartUploadCommand');
    expect(sent[0]?.input.ServerSideEncryption).toBe('AES256');
    expect(names.filter((n) => n === 'UploadPartCommand').length).toBeGreaterThan(10);
    expect(names.at(-1)).toBe('CompleteMultipartUploadCommand');
    expect(names).not.toContain('PutObjectCommand');
    const partSizes = sent
      .filter((c) => c.name === 'UploadPartCommand')
      .map((c) => (c.input.Body as Buffer).length);
    expect(partSizes.slice(0, -1).every((size) => size >= 1024 && size < 1024 + 100)).toBe(true);
    expect(await collect(store.readLines(uri))).toEqual(lines);
  });

  it('lists snapshots newest first', async () => {
    const store = new S3SnapshotStore(s3, 'snapshots', 'list/', { region: 'us-east-1' });
    expect(await store.latest()).toBeUndefined();
    for (const name of ['one.json', 'two.json']) {
      const writer = await store.openWriter(name);
      await writer.writeLine(name);
      await writer.close();
      await new Promise((resolve) => setTimeout(resolve, 1100)); // S3 LastModified has 1 s resolution
    }
    const listed = await store.list();
    expect(listed.map((s) => s.uri)).toEqual([
      's3://snapshots/list/two.json',
      's3://snapshots/list/one.json',
    ]);
    expect(listed[0]?.size).toBe('two.json\n'.length);
    expect((await store.latest())?.uri).toBe('s3://snapshots/list/two.json');
  });
});
