import type { RegionSide } from '../../../src/engine/regionSide.ts';
import { type ErrorCode, LakemirrorError } from '../../../src/model/errors.ts';
import { stableStringify } from '../../../src/model/stableStringify.ts';
import { TARGET } from './tinyLake.ts';

const WRITE = /^(create|update|delete|batch|register|deregister|add|remove|put)/;
const PARTITION_BATCH = /^batch\w*Partitions$/;

/**
 * Target writes as the wrapped adapters were asked for them, one line per object: batch calls are split
 * into their items, so two runs compare even when they batch differently.
 */
function describeWrite(method: string, args: unknown[]): string[] {
  if (PARTITION_BATCH.test(method)) {
    const [database, table, items] = args as [string, string, unknown[]];
    return items.map((item) => `${method} ${database}.${table} ${stableStringify(item)}`);
  }
  if (method === 'batchGrant' || method === 'batchRevoke')
    return (args[0] as unknown[]).map((entry) => `${method} ${stableStringify(entry)}`);
  return [`${method} ${stableStringify(args)}`];
}

/**
 * A `wrapSide` hook for the target: records every write (adapter call) and, after `limit` of them, throws an
 * internal error instead of writing, like a process killed mid-apply (nothing after it reaches the target).
 * `settled()` waits for the writes already sent, as a killed process's requests still land.
 */
export class WriteRecorder {
  readonly writes: string[] = [];
  calls = 0;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}

  readonly wrapSide = (side: RegionSide): RegionSide => {
    if (side.region !== TARGET) return side;
    return { ...side, glueWriter: this.wrap(side.glueWriter), lakeFormation: this.wrap(side.lakeFormation) };
  };

  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private wrap<T extends object>(adapter: T): T {
    return new Proxy(adapter, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || !WRITE.test(prop)) return value;
        return (...args: unknown[]) => {
          if (this.calls >= this.limit)
            return Promise.reject(
              new LakemirrorError({
                code: 'test.crash' as ErrorCode,
                source: 'internal',
                message: 'simulated crash',
              }),
            );
          this.calls += 1;
          this.writes.push(...describeWrite(prop, args));
          const sent = Promise.resolve(value.apply(target, args));
          this.inFlight.add(sent);
          sent.then(
            () => this.inFlight.delete(sent),
            () => this.inFlight.delete(sent),
          );
          return sent;
        };
      },
    });
  }
}

/** Items of `a` also in `b` (multiset-free: the writes of one run are distinct). */
export const overlap = (a: readonly string[], b: readonly string[]) => a.filter((w) => b.includes(w));
