import { describe, expect, it } from 'vitest';
import { AsyncTokenBucket } from '../../src/realtime/collect/tokenBucket.ts';

describe('AsyncTokenBucket', () => {
  it('spaces requests at the rate with a fake clock, in arrival order', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const bucket = new AsyncTokenBucket(
      2,
      1,
      () => now,
      async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    );
    const granted: number[] = [];
    await Promise.all([0, 1, 2, 3].map((n) => bucket.take().then(() => granted.push(n))));
    expect(granted).toEqual([0, 1, 2, 3]);
    expect(now).toBe(1500);
    expect(sleeps).toEqual([500, 500, 500]);
  });
});
