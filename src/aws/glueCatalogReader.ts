import {
  BatchGetPartitionCommand,
  type Database,
  GetDatabaseCommand,
  GetDatabasesCommand,
  GetPartitionsCommand,
  GetTableCommand,
  GetTablesCommand,
  type GlueClient,
  type Partition,
  type PartitionValueList,
  type Table,
} from '@aws-sdk/client-glue';
import { LakemirrorError } from '../model/errors.ts';
import { tableKey } from '../model/keys.ts';
import {
  type AwsCallContext,
  type AwsCallContextOptions,
  catalogIdParam,
  createAwsCallContext,
} from './awsCallContext.ts';
import { chunk } from './chunk.ts';
import { systemClock } from './clock.ts';
import { ignoreNotFound } from './ignoreNotFound.ts';
import { mergeAsyncIterables } from './mergeAsyncIterables.ts';
import { collectPages, eachPage } from './pages.ts';

/** API maxima (Glue quotas): GetTables 100, GetPartitions 1000, BatchGetPartition 1000 keys, 10 segments. */
export const GLUE_READ_LIMITS = {
  tablesPage: 100,
  partitionsPage: 1000,
  batchGetPartition: 1000,
  maxSegments: 10,
};
const UNPROCESSED_ROUNDS = 10;

/**
 * Reads one Glue Data Catalog: pages, batches and retries, returning raw SDK shapes
 * (canonicalization belongs to the model). The client is passed in, so tests pass fakes.
 */
export class GlueCatalogReader {
  private readonly context: AwsCallContext;
  /** The VersionId of each table as last read (`db.table`): an update passes it, so a change since is a conflict. */
  private readonly versions = new Map<string, string>();

  constructor(
    private readonly glue: GlueClient,
    options: AwsCallContextOptions,
  ) {
    this.context = createAwsCallContext('glue', options);
  }

  /** Every database in the catalog. */
  listDatabases(): Promise<Database[]> {
    return collectPages(async (NextToken) => {
      const page = await this.context.call('GetDatabases', `catalog in ${this.context.region}`, () =>
        this.glue.send(new GetDatabasesCommand({ ...catalogIdParam(this.context), NextToken })),
      );
      return { items: page.DatabaseList, next: page.NextToken };
    });
  }

  /** Every table of `database`. */
  listTables(database: string): Promise<Table[]> {
    return collectPages(async (NextToken) => {
      const page = await this.context.call('GetTables', this.name('database', database), () =>
        this.glue.send(
          new GetTablesCommand({
            ...catalogIdParam(this.context),
            DatabaseName: database,
            MaxResults: GLUE_READ_LIMITS.tablesPage,
            NextToken,
          }),
        ),
      );
      for (const table of page.TableList ?? []) this.noteVersion(database, table);
      return { items: page.TableList, next: page.NextToken };
    });
  }

  /** The VersionId the table had when this reader last read it; undefined when it never read it. */
  versionOf(database: string, name: string): string | undefined {
    return this.versions.get(tableKey(database, name));
  }

  private noteVersion(database: string, table: Table): void {
    if (table.Name && table.VersionId) this.versions.set(tableKey(database, table.Name), table.VersionId);
  }

  /**
   * Streams the partitions of a table page by page, so a table with millions of partitions is
   * never held in memory. `segments` (1–10) reads that many GetPartitions segments in parallel.
   */
  streamPartitions(
    database: string,
    table: string,
    options: { segments?: number } = {},
  ): AsyncGenerator<Partition> {
    const segments = options.segments ?? 1;
    if (!Number.isInteger(segments) || segments < 1 || segments > GLUE_READ_LIMITS.maxSegments) {
      throw new LakemirrorError({
        code: 'internal.invalidSegments',
        source: 'internal',
        message: `GetPartitions segments must be an integer from 1 to ${GLUE_READ_LIMITS.maxSegments}, got ${segments}`,
      });
    }
    if (segments === 1) return this.streamSegment(database, table, undefined);
    return mergeAsyncIterables(
      Array.from({ length: segments }, (_, SegmentNumber) =>
        this.streamSegment(database, table, { SegmentNumber, TotalSegments: segments }),
      ),
    );
  }

  /** One database, or `undefined` when it does not exist. */
  async getDatabase(name: string): Promise<Database | undefined> {
    return ignoreNotFound(async () => {
      const result = await this.context.call('GetDatabase', this.name('database', name), () =>
        this.glue.send(new GetDatabaseCommand({ ...catalogIdParam(this.context), Name: name })),
      );
      return result.Database;
    });
  }

  /** One table, or `undefined` when it (or its database) does not exist. */
  async getTable(database: string, name: string): Promise<Table | undefined> {
    return ignoreNotFound(async () => {
      const result = await this.context.call('GetTable', this.name('table', `${database}.${name}`), () =>
        this.glue.send(
          new GetTableCommand({ ...catalogIdParam(this.context), DatabaseName: database, Name: name }),
        ),
      );
      if (result.Table) this.noteVersion(database, result.Table);
      return result.Table;
    });
  }

  /** The partitions with these values that exist (missing ones are simply absent). */
  async getPartitions(
    database: string,
    table: string,
    valuesList: readonly string[][],
  ): Promise<Partition[]> {
    const batches = chunk(valuesList, GLUE_READ_LIMITS.batchGetPartition);
    const results = await Promise.all(
      batches.map((batch) => this.context.limit(() => this.getPartitionBatch(database, table, batch))),
    );
    return results.flat();
  }

  private async getPartitionBatch(database: string, table: string, values: string[][]): Promise<Partition[]> {
    const found: Partition[] = [];
    let keys: PartitionValueList[] = values.map((Values) => ({ Values }));
    const object = this.name('table', `${database}.${table}`);
    for (let round = 0; keys.length > 0; round++) {
      if (round === UNPROCESSED_ROUNDS) {
        throw new LakemirrorError({
          code: 'aws.UnprocessedKeys',
          source: 'aws',
          object,
          message: `BatchGetPartition left ${keys.length} partition(s) of ${object} unprocessed after ${round} rounds`,
        });
      }
      if (round > 0) await (this.context.retry.clock ?? systemClock).sleep(Math.min(5000, 100 * 2 ** round));
      const PartitionsToGet = keys;
      const result = await this.context.call('BatchGetPartition', object, () =>
        this.glue.send(
          new BatchGetPartitionCommand({
            ...catalogIdParam(this.context),
            DatabaseName: database,
            TableName: table,
            PartitionsToGet,
          }),
        ),
      );
      found.push(...(result.Partitions ?? []));
      keys = result.UnprocessedKeys ?? [];
    }
    return found;
  }

  private async *streamSegment(
    database: string,
    table: string,
    Segment: { SegmentNumber: number; TotalSegments: number } | undefined,
  ): AsyncGenerator<Partition> {
    const partitionPages = eachPage(async (NextToken) => {
      const page = await this.context.call('GetPartitions', this.name('table', `${database}.${table}`), () =>
        this.glue.send(
          new GetPartitionsCommand({
            ...catalogIdParam(this.context),
            DatabaseName: database,
            TableName: table,
            MaxResults: GLUE_READ_LIMITS.partitionsPage,
            NextToken,
            ...(Segment ? { Segment } : {}),
          }),
        ),
      );
      return { items: page.Partitions, next: page.NextToken };
    });
    for await (const partitions of partitionPages) yield* partitions;
  }

  private name(kind: string, id: string): string {
    return `${kind} ${id} in ${this.context.region}`;
  }
}
