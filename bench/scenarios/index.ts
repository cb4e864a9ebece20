import { deleteMissingFullSync, fullSync, halfRateFullSync } from './fullSync.ts';
import { noChangeResync, oneTableChanged, partitionsAdded, verifyInSync } from './incremental.ts';
import { realtimeBurst, realtimeOneTable } from './realtime.ts';
import { realtimePushBurst } from './realtimePush.ts';
import { realtimeReconcile } from './realtimeReconcile.ts';
import type { Scenario } from './scenario.ts';

/** In the order `--scenario all` runs them: each on-demand one builds on the state the previous one left. */
export const SCENARIOS: readonly Scenario[] = [
  fullSync,
  noChangeResync,
  oneTableChanged,
  partitionsAdded,
  verifyInSync,
  realtimeOneTable,
  realtimeBurst,
  realtimePushBurst,
  realtimeReconcile,
  halfRateFullSync,
  deleteMissingFullSync,
];
