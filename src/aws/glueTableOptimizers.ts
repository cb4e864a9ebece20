import {
  BatchGetTableOptimizerCommand,
  type BatchTableOptimizer,
  CreateTableOptimizerCommand,
  DeleteTableOptimizerCommand,
  type GlueClient,
  type TableOptimizerConfiguration,
  type TableOptimizerType,
  UpdateTableOptimizerCommand,
} from '@aws-sdk/client-glue';
import { LakemirrorError } from '../model/errors.ts';
import type { AwsCallContext } from './awsCallContext.ts';
import { chunk } from './chunk.ts';
import { ignoreNotFound } from './ignoreNotFound.ts';

/**
 * BatchGetTableOptimizer entries per call. The API model sets no maximum on `Entries`; lakemirror sends 100
 * (three types of 33 tables), the batch size of Glue's other batch reads.
 */
export const OPTIMIZER_BATCH = 100;

/** One table optimizer to read: a table and a type. */
export interface OptimizerEntry {
  database: string;
  table: string;
  type: TableOptimizerType;
}

/** Table optimizers of Iceberg tables: BatchGetTableOptimizer to read, Create/Update/DeleteTableOptimizer. */
export class GlueTableOptimizers {
  constructor(
    private readonly glue: GlueClient,
    private readonly context: AwsCallContext,
    /** The account whose catalog holds the tables: CatalogId is required by every optimizer call. */
    private readonly accountId: string,
  ) {}

  /**
   * The optimizers that exist among `entries`, OPTIMIZER_BATCH a call. An entry without an optimizer (or
   * whose table is gone) comes back as an EntityNotFoundException failure: nothing to replicate. Any other
   * failure is an error, so that a missing optimizer is never inferred from an unreadable one.
   */
  async read(entries: readonly OptimizerEntry[]): Promise<BatchTableOptimizer[]> {
    const found: BatchTableOptimizer[] = [];
    for (const batch of chunk(entries, OPTIMIZER_BATCH)) {
      const answer = await this.context.call(
        'BatchGetTableOptimizer',
        `${batch.length} table optimizers in ${this.context.region}`,
        () =>
          this.glue.send(
            new BatchGetTableOptimizerCommand({
              Entries: batch.map((e) => ({
                catalogId: this.accountId,
                databaseName: e.database,
                tableName: e.table,
                type: e.type,
              })),
            }),
          ),
      );
      const failure = (answer.Failures ?? []).find((f) => f.error?.ErrorCode !== 'EntityNotFoundException');
      if (failure)
        throw new LakemirrorError({
          code: `aws.${failure.error?.ErrorCode ?? 'InternalServiceException'}`,
          source: 'aws',
          object: this.name(failure.databaseName ?? '?', failure.tableName ?? '?', failure.type),
          message: `BatchGetTableOptimizer could not read ${this.name(failure.databaseName ?? '?', failure.tableName ?? '?', failure.type)}: ${failure.error?.ErrorMessage ?? ''}`,
          fix: 'Check that the role may call glue:GetTableOptimizer on the table, then run again.',
        });
      found.push(...(answer.TableOptimizers ?? []));
    }
    return found;
  }

  async create(e: OptimizerEntry, configuration: TableOptimizerConfiguration): Promise<void> {
    await this.context.call('CreateTableOptimizer', this.name(e.database, e.table, e.type), () =>
      this.glue.send(
        new CreateTableOptimizerCommand({ ...this.request(e), TableOptimizerConfiguration: configuration }),
      ),
    );
  }

  async update(e: OptimizerEntry, configuration: TableOptimizerConfiguration): Promise<void> {
    await this.context.call('UpdateTableOptimizer', this.name(e.database, e.table, e.type), () =>
      this.glue.send(
        new UpdateTableOptimizerCommand({ ...this.request(e), TableOptimizerConfiguration: configuration }),
      ),
    );
  }

  /** Deletes an optimizer; one already gone (or whose table is gone) is the end state. */
  async delete(e: OptimizerEntry): Promise<void> {
    await ignoreNotFound(() =>
      this.context.call('DeleteTableOptimizer', this.name(e.database, e.table, e.type), () =>
        this.glue.send(new DeleteTableOptimizerCommand(this.request(e))),
      ),
    );
  }

  private request(e: OptimizerEntry) {
    return { CatalogId: this.accountId, DatabaseName: e.database, TableName: e.table, Type: e.type };
  }

  private name(database: string, table: string, type?: string): string {
    return `${type ?? ''} table optimizer of ${database}.${table} in ${this.context.region}`.trimStart();
  }
}
