import { runSync, runVerify } from '../src/ondemand/index.ts';
import {
  collectOnce,
  createPushWatcher,
  ensureEventTable,
  reconcileAndReplay,
  replayOnce,
} from '../src/realtime/index.ts';

/** The use cases the scenarios drive (signatures fixed in docs/design.md, "Use-case API"). */
export interface UseCases {
  runSync: typeof runSync;
  runVerify: typeof runVerify;
  collectOnce: typeof collectOnce;
  replayOnce: typeof replayOnce;
  ensureEventTable: typeof ensureEventTable;
  createPushWatcher: typeof createPushWatcher;
  reconcileAndReplay: typeof reconcileAndReplay;
}

/** The use cases, as the CLI and the Lambda handlers call them (a test may wrap or replace one). */
export async function loadUseCases(): Promise<UseCases> {
  return {
    runSync,
    runVerify,
    collectOnce,
    replayOnce,
    ensureEventTable,
    createPushWatcher,
    reconcileAndReplay,
  };
}
