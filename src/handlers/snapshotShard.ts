import { ONDEMAND_CLIENTS } from '../aws/clients/ondemandClients.ts';
import { asTaskError, deployedRuntime, logger } from './handlerSupport.ts';
import { type Shard, shardName } from './onDemandContract.ts';
import { runSnapshot } from './useCases.ts';

/** Snapshots one database (or, with no `database`, the catalog-level objects) under the run's prefix. */
export async function handler(event: { runUri: string; database?: string | null }): Promise<Shard> {
  const database = event.database ?? undefined;
  const runtime = await deployedRuntime(ONDEMAND_CLIENTS, (config) => ({
    ...config,
    snapshots: { ...config.snapshots, uri: `${event.runUri}shards/${shardName(database)}/` },
  }));
  try {
    const result = await runSnapshot(runtime, { databases: database === undefined ? [] : [database] });
    logger.info('shard snapshotted', { database, uri: result.uri, records: result.recordCount });
    return { ...(database === undefined ? {} : { database }), snapshotUri: result.uri };
  } catch (error) {
    throw asTaskError(error);
  }
}
