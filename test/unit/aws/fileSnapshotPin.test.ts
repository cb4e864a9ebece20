import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSnapshotStore } from '../../../src/aws/fileSnapshotStore.ts';
import type { SnapshotPin } from '../../../src/aws/snapshotStore.ts';
import { collect } from '../support/collect.ts';

async function put(store: FileSnapshotStore, name: string, lines: string[]) {
  const writer = await store.openWriter(name);
  for (const line of lines) await writer.writeLine(line);
  return writer.close();
}

describe('FileSnapshotStore pins reads to the file read first', () => {
  it('reads the same file again, and refuses one replaced meanwhile with snapshot.changed', async () => {
    const store = new FileSnapshotStore(mkdtempSync(join(tmpdir(), 'lakemirror-pin-')));
    const { uri, version } = await put(store, 's.json', ['one']);
    const pin: SnapshotPin = {};

    expect(await collect(store.readLines(uri, pin))).toEqual(['one']);
    expect(pin.version).toBe(version);
    expect(await collect(store.readLines(uri, pin))).toEqual(['one']);
    await put(store, 's.json', ['two']);

    await expect(collect(store.readLines(uri, pin))).rejects.toMatchObject({ code: 'snapshot.changed' });
  });
});
