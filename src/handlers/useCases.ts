/**
 * The use-case API the handlers call (docs/design.md, "Use-case API"): the same functions as the CLI.
 * One import point, so a handler never reaches into the layers below.
 */
export {
  createRuntime,
  type Runtime,
  runSnapshot,
  runSync,
  runVerify,
  type SyncReport,
  syncExitCode,
} from '../ondemand/index.ts';
