import type { RegionSide } from '../../src/engine/regionSide.ts';

/**
 * A source side whose partition reads, from the `from`-th table on, wait until `until()` holds (at most 10 s,
 * polled every 10 ms), then run `then`: a run that did not do the awaited work beside the source read would
 * wait out the timeout instead. `held` says which happened.
 */
export function holdSourcePartitions(options: {
  sourceRegion: string;
  from: number;
  until: () => boolean;
  then?: () => void;
}) {
  const held = { released: false, timedOut: false };
  const waitUntil = async () => {
    const deadline = Date.now() + 10_000;
    while (!options.until()) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return true;
  };
  let calls = 0;
  const wrapSide = (side: RegionSide): RegionSide => {
    if (side.region !== options.sourceRegion) return side;
    const reader = side.glueReader;
    const glueReader = new Proxy(reader, {
      get(object, prop, receiver) {
        const value = Reflect.get(object, prop, receiver);
        if (prop !== 'streamPartitions' || typeof value !== 'function') return value;
        return async function* (...args: unknown[]) {
          calls += 1;
          if (calls >= options.from) {
            const released = await waitUntil();
            held.released ||= released;
            held.timedOut ||= !released;
            options.then?.();
          }
          yield* value.apply(object, args);
        };
      },
    });
    return { ...side, glueReader } as RegionSide;
  };
  return { held, wrapSide };
}
