import { UpdateDatabaseCommand } from '@aws-sdk/client-glue';
import type { LocalCloud, StoredEvent } from '@lakemirror/localcloud';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnce } from '../../src/realtime/index.ts';
import { clientsFor, startTestCloud } from '../support/localCloud.ts';
import { catalogOps, db } from './support/catalogOps.ts';
import { initialModel } from './support/lakeModel.ts';
import { mirrorState } from './support/mirrorState.ts';
import { Op } from './support/op.ts';
import { propertyParams, SOAK } from './support/propertyRun.ts';
import { realtimeRound } from './support/syncPoints.ts';
import { freshWorld, SOURCE, TARGET } from './support/tinyLake.ts';

/**
 * Random histories of catalog changes where CloudTrail loses some events, delivers others after the
 * collector's window has passed them, and someone edits the target by hand: one reconcile cycle of
 * `realtime run-once` alone (the clock moved past `everyMinutes`) makes the target equal to the source,
 * as plain SDK reads of both Regions see them.
 */
const RUNS = SOAK ? 100 : 6;
const MAX_COMMANDS = SOAK ? 20 : 8;
const ACCOUNT = '123456789012';

/** Events hidden from LookupEvents, per cloud: revealed after the collector moved on. */
const delayed = new Set<StoredEvent>();

const history = (cloud: LocalCloud) => cloud.trail.list(ACCOUNT, SOURCE) as StoredEvent[];

const dropLastEvent = new Op(
  'DropEvent',
  () => true,
  async (_m, real) => {
    history(real.world.cloud).pop();
  },
);

const delayLastEvent = new Op(
  'DelayEvent',
  () => true,
  async (_m, real) => {
    const last = history(real.world.cloud).at(-1);
    if (!last || delayed.has(last)) return;
    last.deliverAtMs = Number.MAX_SAFE_INTEGER;
    delayed.add(last);
  },
);

const targetEdit = fc.tuple(db, fc.integer({ min: 1, max: 9 })).map(
  ([d, n]) =>
    new Op(
      `EditTarget(${d}, x${n})`,
      () => true,
      async (_m, real) => {
        const glue = clientsFor(real.world.cloud, TARGET).glue;
        await glue
          .send(
            new UpdateDatabaseCommand({ Name: d, DatabaseInput: { Name: d, Description: `by hand ${n}` } }),
          )
          .catch(() => undefined);
      },
    ),
);

/** The delayed events appear now, an hour in the past: behind every window the collector has read. */
function deliverLate(): void {
  for (const event of delayed) {
    event.eventTimeMs -= 3_600_000;
    event.deliverAtMs = Date.now();
    event.document = event.document.replace(
      /"eventTime":"[^"]+"/,
      `"eventTime":"${new Date(event.eventTimeMs).toISOString().replace(/\.\d{3}Z$/, 'Z')}"`,
    );
  }
  delayed.clear();
}

describe('reconcile over random histories with lost, late and out-of-band changes', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it(
    'one reconcile cycle of run-once converges, checked with plain SDK reads',
    async () => {
      const commands = fc.noBias(
        fc.commands(
          [
            ...catalogOps(),
            fc.constant(realtimeRound),
            fc.constant(dropLastEvent),
            fc.constant(delayLastEvent),
            targetEdit,
          ],
          { maxCommands: 3 * MAX_COMMANDS, size: 'max' },
        ),
      );
      await fc.assert(
        fc.asyncProperty(commands, async (ops) => {
          delayed.clear();
          const world = await freshWorld(cloud);
          await fc.asyncModelRun(
            () => ({ model: initialModel(MAX_COMMANDS), real: { world, rejected: [] } }),
            ops,
          );
          await runOnce(world.runtime());
          deliverLate();
          // One cycle later: every database is due, and the replay of the same run repairs them.
          const later = world.runtime({ now: () => new Date(Date.now() + 61 * 60_000) });
          const { replay } = await runOnce(later);
          expect(replay.failures).toEqual([]);
          expect(replay.circuitBreaker.tripped).toBe(false);
          expect(await mirrorState(clientsFor(cloud, TARGET))).toEqual(
            await mirrorState(clientsFor(cloud, SOURCE)),
          );
        }),
        propertyParams('reconcile convergence', RUNS),
      );
    },
    SOAK ? 3_600_000 : 400_000,
  );
});
