import { setTimeout as delay } from 'node:timers/promises';

/** Time source for backoff and rate limiting; injectable so tests run without real waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The wall clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => (ms <= 0 ? Promise.resolve() : delay(ms)),
};

/** A clock whose `sleep` advances time instantly; `slept` records each wait for assertions. */
export function createFakeClock(start = 0): Clock & { slept: number[] } {
  let time = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => time,
    sleep: async (ms) => {
      slept.push(ms);
      time += Math.max(0, ms);
    },
  };
}
