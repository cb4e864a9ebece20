/**
 * The local cloud's public API: what lakemirror's `demo` and `localcloud` commands, its embedded start, its
 * tests and its benchmark use. Anything not exported here is internal to the emulator.
 */

// Running a cloud: start it, its endpoint, state, call counts, faults, stop.
export { DEFAULT_ACCOUNT_ID } from './accounts.ts';
export type { CallCounts } from './callStats.ts';
// The `localcloud` command (mounted by lakemirror's CLI, or run by this package's bin).
export {
  DEFAULT_DATA_DIR,
  LOCAL_ACCESS_KEY_ID,
  LOCAL_SECRET_ACCESS_KEY,
  localCloudCommand,
  runLocalCloudCommand,
} from './cli.ts';
// CloudTrail: recording calls and the events it stores (tests append events as the service would).
export type { StoredEvent } from './cloudTrailLog.ts';
export { type CallRecord, recordCall } from './cloudTrailRecorder.ts';
export type { LocalCloudCommandContext } from './commandContext.ts';
export type { FaultSettings } from './faults.ts';
// Loading a whole lake straight into state (benchmarks, large fixtures).
export {
  type LakeImage,
  type LakeImageFunction,
  type LakeImageLakeFormation,
  type LakeImageTable,
  loadLake,
} from './load/loadLake.ts';
export { apiCallEvent, type PushSettings } from './pushDelivery.ts';
// The demo lake: its description, seeding it through the real SDK clients, the stand-in for S3 replication.
export {
  DEMO_BUCKET,
  DEMO_REGION,
  DEMO_ROLES,
  type DemoLake,
  demoLake,
  demoTrustPolicy,
} from './seed/demoLake.ts';
export { mirrorBucket } from './seed/replicaBucket.ts';
export { PARTITION_BATCH, type SeedClients, type SeedReport, seedDemoLake } from './seed/seedDemoLake.ts';
export { PARQUET } from './seed/storage.ts';
export { type LocalCloud, type LocalCloudOptions, startLocalCloud } from './server.ts';
export { type RequestContext, ServiceError } from './service.ts';
export { defaultDataLakeSettings } from './services/lakeformation/state.ts';
export { GLOBAL_REGION } from './state.ts';
