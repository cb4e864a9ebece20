import pLimit from 'p-limit';
import type { RegionSide } from '../engine/regionSide.ts';
import { splitTableKey } from '../model/keys.ts';
import type { DriftItem, DriftReport, PendingChange } from '../report/reportTypes.ts';

/** Source lookups the drill spends at most on dating drift; the rest counts as undated. */
export const MAX_DATED_LOOKUPS = 300;

export interface DatedDrift {
  /** Drifted objects with the source time of the change that is missing in the target. */
  dated: PendingChange[];
  /** Drifted objects whose change has no time in the source (grants, LF objects, deletions, updates of databases and partitions). */
  undated: string[];
  /**
   * Tables changed in a target after the source last changed them (`us-west-2: table sales.orders`): not
   * replication lag, so not RPO; a finding of its own.
   */
  targetSide: string[];
}

type Lookup = (source: RegionSide) => Promise<PendingChange | undefined>;

/**
 * How to date one drifted object from the source: Glue keeps CreateTime (databases, tables), UpdateTime
 * (tables) and CreationTime (partitions). Everything else (Lake Formation objects, objects deleted in the
 * source, database and partition updates) carries no time, so its age cannot be known from the catalog.
 */
export function lookupFor(item: DriftItem): Lookup | undefined {
  const dated = (time: Date | undefined, eventName: string): PendingChange | undefined =>
    time ? { eventTime: time.toISOString(), eventName, object: `${item.kind} ${item.key}` } : undefined;
  if (item.op === 'delete') return undefined;
  if (item.kind === 'database' && item.op === 'create')
    return async (s) => dated((await s.glueReader.getDatabase(item.key))?.CreateTime, 'CreateDatabase');
  if (item.kind === 'table')
    return async (s) => {
      const { databaseName, tableName } = splitTableKey(item.key);
      const table = await s.glueReader.getTable(databaseName, tableName);
      return item.op === 'create'
        ? dated(table?.CreateTime, 'CreateTable')
        : dated(table?.UpdateTime ?? table?.CreateTime, 'UpdateTable');
    };
  if (item.kind === 'partition' && item.op === 'create')
    return async (s) => {
      const slash = item.key.indexOf('/');
      const { databaseName, tableName } = splitTableKey(item.key.slice(0, slash));
      const values = JSON.parse(item.key.slice(slash + 1)) as string[];
      const [found] = await s.glueReader.getPartitions(databaseName, tableName, [values]);
      return dated(found?.CreationTime, 'CreatePartition');
    };
  return undefined;
}

/**
 * Dates the drift of every target from the source catalog (each object once, whatever the targets). With
 * `targetOf`, a table update whose target copy is newer than the source's is target-side drift instead.
 */
export async function dateDrift(
  source: RegionSide,
  reports: readonly DriftReport[],
  targetOf?: (region: string) => Promise<RegionSide>,
): Promise<DatedDrift> {
  const targetSide = targetOf ? await changedInTargets(source, reports, targetOf) : new Set<string>();
  const items = new Map<string, DriftItem>();
  for (const report of reports)
    for (const item of report.drift)
      if (!item.accepted && !targetSide.has(`${report.target.region}: ${item.kind} ${item.key}`))
        items.set(`${item.kind} ${item.key}`, item);
  const undated: string[] = [];
  const lookups: Array<{ name: string; lookup: Lookup }> = [];
  for (const [name, item] of items) {
    const lookup = lookupFor(item);
    if (lookup && lookups.length < MAX_DATED_LOOKUPS) lookups.push({ name, lookup });
    else undated.push(name);
  }
  const limit = pLimit(source.concurrency);
  const dated: PendingChange[] = [];
  await Promise.all(
    lookups.map(({ name, lookup }) =>
      limit(async () => {
        const change = await lookup(source);
        if (change) dated.push(change);
        else undated.push(name); // gone from the source since verify read it
      }),
    ),
  );
  return { dated, undated, targetSide: [...targetSide].sort() };
}

/** Updated tables whose target copy was changed after the source's last change (`region: table key`). */
async function changedInTargets(
  source: RegionSide,
  reports: readonly DriftReport[],
  targetOf: (region: string) => Promise<RegionSide>,
): Promise<Set<string>> {
  const found = new Set<string>();
  const limit = pLimit(source.concurrency);
  await Promise.all(
    reports.flatMap((report) =>
      report.drift
        .filter((item) => item.kind === 'table' && item.op === 'update')
        .slice(0, MAX_DATED_LOOKUPS)
        .map((item) =>
          limit(async () => {
            const { databaseName, tableName } = splitTableKey(item.key);
            const target = await targetOf(report.target.region);
            const [there, here] = await Promise.all([
              target.glueReader.getTable(databaseName, tableName),
              source.glueReader.getTable(databaseName, tableName),
            ]);
            const targetTime = there?.UpdateTime?.getTime() ?? 0;
            const sourceTime = (here?.UpdateTime ?? here?.CreateTime)?.getTime() ?? 0;
            if (targetTime > sourceTime) found.add(`${report.target.region}: ${item.kind} ${item.key}`);
          }),
        ),
    ),
  );
  return found;
}
