/** The on-demand use cases: what the CLI, the Lambda handlers and the benchmarks call. */

export { createRuntime } from '../engine/createRuntime.ts';
export { createRuntimeWith, type Runtime, type RuntimeOptions } from '../engine/runtime.ts';
export { hasChanges, type SyncReport, syncExitCode, type TargetReport } from '../engine/syncReport.ts';
export { type RestoreRequest, runRestore } from './runRestore.ts';
export { runSnapshot, type SnapshotResult } from './runSnapshot.ts';
export { runSync, type SyncRequest } from './runSync.ts';
export { runVerify, type VerifyResult } from './runVerify.ts';
