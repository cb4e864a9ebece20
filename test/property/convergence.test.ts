import type { LocalCloud } from '@lakemirror/localcloud';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../src/ondemand/index.ts';
import { startTestCloud } from '../support/localCloud.ts';
import { initialModel } from './support/lakeModel.ts';
import type { LakeReal } from './support/op.ts';
import { propertyParams, SOAK } from './support/propertyRun.ts';
import {
  drainRealtime,
  eventItems,
  expectConverged,
  historyCommands,
  syncProblems,
  unsettled,
} from './support/syncPoints.ts';
import { freshWorld } from './support/tinyLake.ts';

/**
 * Random histories of source changes (catalog, grants, LF-Tags, filters, locations) interleaved with
 * on-demand syncs and real-time rounds, each run in a freshly reset cloud: whatever the history, the final
 * sync (or real-time drain) leaves a target that verifies in sync and needs no further write.
 * A failure prints the shrunk history, e.g. `[CreateTable(db1.t3), Sync, Revoke(analyst, db1.t3, SELECT)]`,
 * and the seed to replay it (`PROPERTY_LOG=1` prints every history and the ops the source rejected): `FC_SEED=… FC_PATH=… FC_REPLAY_PATH=… npx vitest run test/property/convergence.test.ts`.
 */
const RUNS = SOAK ? 200 : 12;
const MAX_COMMANDS = SOAK ? 25 : 8;
const TIMEOUT = SOAK ? 3_600_000 : 300_000;

describe('convergence over random histories', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it(
    'a final on-demand sync converges whatever happened before',
    async () => {
      await fc.assert(
        fc.asyncProperty(historyCommands(MAX_COMMANDS), async (history) => {
          const real: LakeReal = { world: await freshWorld(cloud), rejected: [] };
          await fc.asyncModelRun(() => ({ model: initialModel(MAX_COMMANDS), real }), history);
          if (process.env.PROPERTY_LOG) console.log(String(history), '\nREJECTED', real.rejected);
          expect(syncProblems(await runSync(real.world.runtime()))).toEqual([]);
          await expectConverged(real.world);
        }),
        propertyParams('on-demand convergence', RUNS),
      );
    },
    TIMEOUT,
  );

  it(
    'a final real-time drain converges whatever happened before, with every staged event applied',
    async () => {
      await fc.assert(
        fc.asyncProperty(historyCommands(MAX_COMMANDS), async (history) => {
          const real: LakeReal = { world: await freshWorld(cloud), rejected: [] };
          await fc.asyncModelRun(() => ({ model: initialModel(MAX_COMMANDS), real }), history);
          if (process.env.PROPERTY_LOG) console.log(String(history), '\nREJECTED', real.rejected);
          await drainRealtime(real.world);
          expect(unsettled(await eventItems(real.world))).toEqual([]);
          await expectConverged(real.world);
        }),
        propertyParams('real-time convergence', RUNS),
      );
    },
    TIMEOUT,
  );
});
