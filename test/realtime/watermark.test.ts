import { describe, expect, it } from 'vitest';
import { computeWatermark, watermarkAgeMs } from '../../src/realtime/watermark/watermark.ts';

describe('computeWatermark', () => {
  const base = { checkpointTime: '2026-01-01T12:00:00.000Z', overlapMinutes: 15 };

  it('is the earliest of the open event, the checkpoint minus the overlap and the last full reconcile', () => {
    expect(computeWatermark({ ...base, lastFullAt: '2026-01-01T11:50:00.000Z' })).toEqual({
      at: '2026-01-01T11:45:00.000Z',
      boundBy: 'checkpoint',
    });
    expect(computeWatermark({ ...base, lastFullAt: '2026-01-01T11:00:00.000Z' })).toEqual({
      at: '2026-01-01T11:00:00.000Z',
      boundBy: 'full reconcile',
    });
    expect(
      computeWatermark({
        ...base,
        lastFullAt: '2026-01-01T11:50:00.000Z',
        oldestOpen: '2026-01-01T10:30:00.000Z',
      }),
    ).toEqual({ at: '2026-01-01T10:30:00.000Z', boundBy: 'open event' });
  });

  it('proves nothing before the first checkpoint or the first full reconcile', () => {
    expect(computeWatermark({ overlapMinutes: 15 })).toEqual({ boundBy: 'no checkpoint' });
    expect(computeWatermark(base)).toEqual({ boundBy: 'no full reconcile' });
    expect(watermarkAgeMs({ boundBy: 'no checkpoint' }, new Date())).toBeNull();
    expect(
      watermarkAgeMs(
        { at: '2026-01-01T11:00:00.000Z', boundBy: 'checkpoint' },
        new Date('2026-01-01T12:00:00Z'),
      ),
    ).toBe(3_600_000);
  });
});
