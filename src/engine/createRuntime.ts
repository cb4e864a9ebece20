import { ENGINE_CLIENTS } from '../aws/clients/engineClients.ts';
import type { LakemirrorConfig } from '../config/configSchema.ts';
import { createRuntimeWith, type Runtime, type RuntimeOptions } from './runtime.ts';

/**
 * Builds the runtime with every client of the engine (the CLI, tests and benchmarks). A module of its own so
 * that a Lambda handler, which builds only its use case's clients (`createRuntimeWith`), never loads the others.
 */
export function createRuntime(config: LakemirrorConfig, options: RuntimeOptions = {}): Runtime {
  return createRuntimeWith(ENGINE_CLIENTS, config, options);
}
