import fc from 'fast-check';
import { expect } from 'vitest';
import { runSync, type SyncReport } from '../../../src/ondemand/index.ts';
import type { EventItem } from '../../../src/realtime/eventTable/items.ts';
import { collectOnce, eventTableOf, replayOnce, runOnce } from '../../../src/realtime/index.ts';
import { clientsFor, writeCalls } from '../../support/localCloud.ts';
import { catalogOps } from './catalogOps.ts';
import { mirrorState } from './mirrorState.ts';
import { Op } from './op.ts';
import { permissionOps } from './permissionOps.ts';
import { SOURCE, TARGET, type World } from './tinyLake.ts';

/** Failures and crashes of a sync's targets, as plain data for `toEqual([])`. */
export const syncProblems = (report: SyncReport) =>
  report.targets.flatMap((t) => [...t.failures, ...(t.error ? [t.error] : [])]);

/** On-demand sync (deleteMissing) in a fresh runtime; it must not fail anything. */
export const syncPoint = new Op(
  'Sync',
  () => true,
  async (_model, real) => {
    expect(syncProblems(await runSync(real.world.runtime()))).toEqual([]);
  },
);

/** One real-time tick in a fresh runtime: collect the source's CloudTrail, then replay what is due. */
export const realtimeRound = new Op(
  'RealtimeRound',
  () => true,
  async (_model, real) => {
    const runtime = real.world.runtime();
    await collectOnce(runtime);
    expect((await replayOnce(runtime)).failures).toEqual([]);
  },
);

/**
 * Every kind of source change, plus the two kinds of sync point. Up to three times `maxSteps` are generated
 * because many are invalid when their turn comes (skipped); the model stops a history after `maxSteps` ran.
 * Full size and no bias: fast-check's usual leaning towards tiny inputs makes most histories one op long.
 */
export function historyCommands(maxSteps: number, options: { syncPoints?: boolean } = {}) {
  const syncPoints = options.syncPoints === false ? [] : [fc.constant(syncPoint), fc.constant(realtimeRound)];
  return fc.noBias(
    fc.commands([...catalogOps(), ...permissionOps(), ...syncPoints], {
      maxCommands: 3 * maxSteps,
      size: 'max',
      // fast-check prints a failing history with its `replayPath`; FC_SEED, FC_PATH and this replay it.
      ...(process.env.FC_REPLAY_PATH ? { replayPath: process.env.FC_REPLAY_PATH } : {}),
    }),
  );
}

/**
 * The target equals the source — as verify (deleteMissing) sees it, and as plain SDK reads see it (an oracle
 * that shares no code with the planner) — and one more sync writes nothing.
 */
export async function expectConverged(world: World): Promise<void> {
  expect((await world.verify()).reports.flatMap((r) => r.drift)).toEqual([]);
  const { cloud } = world;
  expect(await mirrorState(clientsFor(cloud, TARGET))).toEqual(await mirrorState(clientsFor(cloud, SOURCE)));
  world.cloud.stats.reset();
  expect(syncProblems(await runSync(world.runtime()))).toEqual([]);
  expect(writeCalls(world.cloud, TARGET)).toEqual({});
}

/** Every item of the run's event table; none must stay pending or fail. */
export async function eventItems(world: World): Promise<EventItem[]> {
  return eventTableOf(world.runtime()).listRecent({ since: new Date(0) });
}

export const unsettled = (items: EventItem[]) =>
  items.filter((i) => i.status !== 'applied').map((i) => `${i.eventName} ${i.objectKey}: ${i.status}`);

/** Real-time ticks (fresh runtimes) until nothing is pending; at most `rounds`. */
export async function drainRealtime(world: World, rounds = 4): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    const { replay } = await runOnce(world.runtime());
    expect(replay.failures).toEqual([]);
    if (unsettled(await eventItems(world)).length === 0) return;
  }
}
