import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSnapshotStore } from '../../../src/aws/createSnapshotStore.ts';
import { FileSnapshotStore } from '../../../src/aws/fileSnapshotStore.ts';
import { parseSnapshotUri } from '../../../src/config/snapshotUri.ts';
import { LakemirrorError } from '../../../src/model/errors.ts';
import { collect } from '../support/collect.ts';

describe('FileSnapshotStore', () => {
  it('writes atomically with mode 0600 and reads the lines back', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'lakemirror-snap-')), 'nested');
    const store = new FileSnapshotStore(dir);
    const writer = await store.openWriter('snap-1.json');
    await writer.writeLine('{"header":{}}');
    await writer.writeLine('{"kind":"database"}');
    // Not visible under its name until close: only a hidden temp file exists.
    expect((await readdir(dir)).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(await store.list()).toEqual([]);
    const { uri } = await writer.close();
    expect(uri).toBe(join(dir, 'snap-1.json'));
    expect((await stat(uri)).mode & 0o777).toBe(0o600);
    expect(await readFile(uri, 'utf8')).toBe('{"header":{}}\n{"kind":"database"}\n');
    expect(await collect(store.readLines(uri))).toEqual(['{"header":{}}', '{"kind":"database"}']);
    expect(await readdir(dir)).toEqual(['snap-1.json']);
  });

  it('lists newest first and finds the latest; abort leaves nothing behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lakemirror-snap-'));
    const store = new FileSnapshotStore(dir);
    expect(await store.latest()).toBeUndefined();
    for (const name of ['a.json', 'b.json']) {
      const writer = await store.openWriter(name);
      await writer.writeLine(name);
      await writer.close();
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const aborted = await store.openWriter('c.json');
    await aborted.writeLine('x');
    await aborted.abort();
    expect((await store.list()).map((s) => s.uri)).toEqual([join(dir, 'b.json'), join(dir, 'a.json')]);
    expect((await store.latest())?.size).toBe('b.json\n'.length);
    expect(await readdir(dir)).toEqual(['a.json', 'b.json']);
  });

  it('refuses names with path traversal or separators, and multi-line records', async () => {
    const store = new FileSnapshotStore(await mkdtemp(join(tmpdir(), 'lakemirror-snap-')));
    for (const name of ['../escape.json', 'a/b.json', 'a\\b.json', '.hidden', '', 'x..json']) {
      const error = await store.openWriter(name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LakemirrorError);
      expect((error as LakemirrorError).code).toBe('snapshot.invalidName');
    }
    const writer = await store.openWriter('ok.json');
    await expect(writer.writeLine('a\nb')).rejects.toThrow(/newline/);
    await writer.abort();
  });
});

describe('parseSnapshotUri / createSnapshotStore', () => {
  it('parses directories and s3 URIs, and rejects S3 look-alikes', () => {
    expect(parseSnapshotUri('.lakemirror/snapshots')).toEqual({
      kind: 'file',
      directory: '.lakemirror/snapshots',
    });
    expect(parseSnapshotUri('s3://my-bucket/lm/snaps')).toEqual({
      kind: 's3',
      bucket: 'my-bucket',
      prefix: 'lm/snaps/',
    });
    expect(parseSnapshotUri('s3://my-bucket')).toEqual({ kind: 's3', bucket: 'my-bucket', prefix: '' });
    for (const bad of [
      's3:/x',
      'S3:my-bucket',
      'https://my-bucket.s3.amazonaws.com/x',
      's3://Bad_Bucket/x',
      '',
    ]) {
      expect(() => parseSnapshotUri(bad)).toThrow(/is not valid/);
    }
    expect(createSnapshotStore('.lakemirror/snapshots')).toBeInstanceOf(FileSnapshotStore);
    expect(() => createSnapshotStore('s3://b-bucket/x/')).toThrow(/S3 client/);
  });
});
