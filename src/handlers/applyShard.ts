import { ONDEMAND_CLIENTS } from '../aws/clients/ondemandClients.ts';
import { asTaskError, deployedRuntime, logger, taskErrorName } from './handlerSupport.ts';
import { type Shard, shardReportUri } from './onDemandContract.ts';
import { putJson } from './s3Objects.ts';
import { runSync, syncExitCode } from './useCases.ts';

export interface ShardOutcome {
  target: string;
  database?: string;
  exitCode: number;
  reportUri: string;
}

/**
 * Applies one shard to one target Region (`runSync` with the shard as snapshot) and stores the sync
 * report beside the run; a throttled target is rethrown so the state machine retries it.
 */
export async function handler(event: {
  runUri: string;
  shard: Shard;
  target: string;
  dryRun?: boolean;
}): Promise<ShardOutcome> {
  const { shard, target } = event;
  const reportUri = shardReportUri(event.runUri, target, shard.database);
  const runtime = await deployedRuntime(ONDEMAND_CLIENTS);
  try {
    const report = await runSync(runtime, {
      snapshotUri: shard.snapshotUri,
      dryRun: event.dryRun ?? false,
      targets: [target],
      databases: shard.database === undefined ? [] : [shard.database],
      // Shards of one run write one target side by side: a per-run lease for the state machine is still to do.
      lease: false,
    });
    const exitCode = syncExitCode(report);
    await putJson(reportUri, { target, database: shard.database, exitCode, report });
    logger.info('shard applied', { target, database: shard.database, exitCode });
    const throttled = report.targets.find((t) => t.error && taskErrorName(t.error.code));
    if (throttled?.error)
      throw Object.assign(new Error(throttled.error.message), { name: taskErrorName(throttled.error.code) });
    return {
      target,
      ...(shard.database === undefined ? {} : { database: shard.database }),
      exitCode,
      reportUri,
    };
  } catch (error) {
    const failure = asTaskError(error);
    if (!failure.name.startsWith('lakemirror.')) {
      await putJson(reportUri, {
        target,
        database: shard.database,
        exitCode: 1,
        error: { name: failure.name, message: failure.message },
      });
    }
    throw failure;
  }
}
