/**
 * The use-case API the handlers call (docs/design.md, "Use-case API"): the same functions as the CLI.
 * One import point, so a handler never reaches into the layers below. Each from its own module (not
 * ondemand/index.ts, which also exports `createRuntime` with every client): a handler's bundle holds only the
 * clients of its use case.
 */
export { createRuntimeWith, type Runtime } from '../engine/runtime.ts';
export { type SyncReport, syncExitCode } from '../engine/syncReport.ts';
export { runSnapshot } from '../ondemand/runSnapshot.ts';
export { runSync } from '../ondemand/runSync.ts';
export { runVerify } from '../ondemand/runVerify.ts';
