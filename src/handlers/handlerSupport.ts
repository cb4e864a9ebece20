import { awsErrorName, classifyAwsError } from '../aws/classifyAwsError.ts';
import type { ClientBuilders } from '../aws/clients/clientBuilders.ts';
import type { LakemirrorConfig } from '../config/configSchema.ts';
import type { Output } from '../engine/output.ts';
import { isLakemirrorError } from '../model/errors.ts';
import { loadDeployedConfig } from './loadDeployedConfig.ts';
import { logger } from './observability.ts';
import { createRuntimeWith, type Runtime } from './useCases.ts';

// In their own module, so a handler that runs no use case (report) bundles neither the runtime nor the config.
export { logger, metrics } from './observability.ts';

/** The use cases' progress port, rendered as JSON log lines. */
export const logOutput: Output = {
  phase: (name, detail) => logger.info(`phase ${name}`, { phase: name, detail }),
  info: (code, message) => logger.info(message, { code }),
  warn: (code, message) => logger.warn(message, { code }),
};

/**
 * A runtime over the deployed config with only the clients of the handler's use case (`src/aws/clients/ondemandClients.ts`, `realtimeClients.ts`:
 * its bundle holds no other SDK client), optionally with some config fields replaced (e.g. `snapshots.uri`).
 */
export async function deployedRuntime(
  clients: ClientBuilders,
  change: (config: LakemirrorConfig) => LakemirrorConfig = (c) => c,
): Promise<Runtime> {
  return createRuntimeWith(clients, change(await loadDeployedConfig()), { output: logOutput });
}

/** How Step Functions should treat an error code: retried with backoff, retried a few times, or final. */
export function taskErrorName(
  codeOrError: unknown,
): 'lakemirror.Throttled' | 'lakemirror.Transient' | undefined {
  const name =
    typeof codeOrError === 'string'
      ? codeOrError.replace(/^aws\./, '')
      : isLakemirrorError(codeOrError) && codeOrError.code.startsWith('aws.')
        ? codeOrError.code.slice(4)
        : awsErrorName(codeOrError);
  const kind = classifyAwsError({ name, ...(typeof codeOrError === 'object' ? codeOrError : {}) });
  if (kind === 'throttling') return 'lakemirror.Throttled';
  if (kind === 'transient') return 'lakemirror.Transient';
  return undefined;
}

/**
 * Rethrows so that the state machine sees a retryable error under a stable name
 * (`lakemirror.Throttled`, `lakemirror.Transient`); anything else keeps its own.
 */
export function asTaskError(error: unknown): Error {
  const name = taskErrorName(error);
  if (!name) return error as Error;
  const wrapped = new Error((error as Error).message, { cause: error });
  wrapped.name = name;
  return wrapped;
}
