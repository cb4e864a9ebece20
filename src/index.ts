/**
 * lakemirror as a library: the on-demand and real-time use cases that the CLI and the Lambda handlers call.
 * Build a runtime from a config, then run a use case with it.
 */
export { loadConfig } from './config/loadConfig.ts';
export * from './ondemand/index.ts';
export * from './realtime/index.ts';
export { VERSION } from './version.ts';
