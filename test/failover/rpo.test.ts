import { describe, expect, it } from 'vitest';
import { rpoBound } from '../../src/failover/rpo.ts';

const AT = new Date('2026-03-01T12:00:00.000Z');
const base = { target: 'us-west-2', sourceRegion: 'us-east-1', writtenAt: '2026-03-01T11:59:00.000Z' };

describe('rpoBound', () => {
  it('takes the watermark the last replay recorded, the later of it and the last snapshot applied', () => {
    const state = {
      ...base,
      lastReplayAt: '2026-03-01T11:58:00.000Z',
      pendingLeftByLastReplay: 2,
      watermark: '2026-03-01T11:50:00.000Z',
      watermarkBoundBy: 'checkpoint',
      snapshotCapturedAt: '2026-03-01T10:00:00.000Z',
    };
    expect(rpoBound(state, AT)).toEqual({
      watermark: '2026-03-01T11:50:00.000Z',
      boundMs: 600_000,
      pendingLeft: 2,
      basis:
        'watermark of the last replay at 2026-03-01T11:58:00.000Z, bound by checkpoint; 2 event(s) left pending',
    });
    const later = { ...state, snapshotCapturedAt: '2026-03-01T11:55:00.000Z', snapshotUri: 's3://b/s.json' };
    expect(rpoBound(later, AT)).toMatchObject({ watermark: '2026-03-01T11:55:00.000Z', boundMs: 300_000 });
  });

  it('proves nothing from a replay without a full reconcile: no bound unless a snapshot was applied', () => {
    const state = {
      ...base,
      lastReplayAt: '2026-03-01T11:58:00.000Z',
      watermarkBoundBy: 'no full reconcile',
    };
    expect(rpoBound(state, AT)).toEqual({
      pendingLeft: 0,
      basis:
        'the target was never synced and no replay proved a watermark (replay watermark: no full reconcile)',
    });
    expect(rpoBound(undefined, AT).basis).toBe('no replication state in the target Region');
  });
});
