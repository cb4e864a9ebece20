import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileLeaseStore } from '../../src/lease/fileLeaseStore.ts';
import { acquireLease } from '../../src/lease/targetLease.ts';
import { isLakemirrorError } from '../../src/model/errors.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('target lease', () => {
  it('a live holder renews its lease past its ttl; released, the next writer takes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakemirror-lease-'));
    const store = new FileLeaseStore(dir);
    const first = await acquireLease(store, {
      target: 'us-west-2',
      runId: 'one',
      command: 'sync',
      ttlMs: 3_000,
    });
    // Past the lifetime of an unrenewed lease, with 2 s of slack for each renewal on a loaded machine.
    await sleep(3_500);
    const refused = await acquireLease(store, { target: 'us-west-2', runId: 'two', command: 'sync' }).catch(
      (error: unknown) => error,
    );
    expect(isLakemirrorError(refused, 'lease.held')).toBe(true);
    expect((refused as Error).message).toContain('sync run one');
    await first.release();
    const second = await acquireLease(store, { target: 'us-west-2', runId: 'two', command: 'sync' });
    expect(second.holder.runId).toBe('two');
    await second.release();
    expect(readdirSync(join(dir, 'leases'))).toEqual([]);
  });
});
