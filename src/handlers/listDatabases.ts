import { ONDEMAND_CLIENTS } from '../aws/clients/ondemandClients.ts';
import { LakemirrorError } from '../model/errors.ts';
import { createCatalogFilter, isDatabaseIncluded } from '../plan/filters.ts';
import { deployedRuntime, logger } from './handlerSupport.ts';
import type { RunInput, RunManifest, RunPlan } from './onDemandContract.ts';
import { splitS3Uri } from './onDemandContract.ts';
import { getJson } from './s3Objects.ts';

/**
 * First task of the on-demand job: this run's prefix, the target Regions, and either the source
 * databases to snapshot (filters applied) or, for a restore, the shards of the given older run.
 */
export async function handler(event: { executionName: string; input?: RunInput }): Promise<RunPlan> {
  const runtime = await deployedRuntime(ONDEMAND_CLIENTS);
  const { config } = runtime;
  const runUri = `${config.snapshots.uri}runs/${event.executionName}/`;
  const { bucket, key } = splitS3Uri(runUri);
  const base = {
    runUri,
    bucket,
    manifestKey: `${key}manifest.json`,
    dryRun: event.input?.dryRun ?? false,
    targets: config.targets.map((t) => t.region),
  };
  const restoreFrom = event.input?.snapshotPrefix;
  if (restoreFrom) {
    const prefix = restoreFrom.endsWith('/') ? restoreFrom : `${restoreFrom}/`;
    if (!prefix.startsWith(config.snapshots.uri)) {
      throw new LakemirrorError({
        code: 'handler.snapshotPrefix',
        source: 'user',
        object: `snapshotPrefix ${prefix}`,
        message: `snapshotPrefix ${prefix} is not under the deployed snapshots ${config.snapshots.uri}`,
        fix: `pass the prefix of a run under ${config.snapshots.uri}`,
      });
    }
    const manifest = await getJson<RunManifest>(`${prefix}manifest.json`);
    if (!manifest)
      throw new LakemirrorError({
        code: 'handler.manifestMissing',
        source: 'user',
        object: `${prefix}manifest.json`,
        message: `${prefix}manifest.json does not exist: not a completed lakemirror run`,
        fix: 'pass the prefix of a completed run (it holds manifest.json)',
      });
    logger.info('restore', { restoreFrom: prefix, databases: manifest.databaseShards.length });
    return { ...base, restore: true, databases: [], ...manifest, targets: base.targets };
  }
  const filter = createCatalogFilter(config.filters ?? {});
  const databases = (await (await runtime.source()).glueReader.listDatabases())
    .map((d) => d.Name ?? '')
    .filter((name) => name !== '' && isDatabaseIncluded(filter, name));
  logger.info('snapshot run', { runUri, databases: databases.length });
  return { ...base, restore: false, databases };
}
