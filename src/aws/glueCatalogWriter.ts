import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  BatchUpdatePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  type DatabaseInput,
  DeleteDatabaseCommand,
  DeleteTableCommand,
  type GlueClient,
  type PartitionInput,
  type TableInput,
  UpdateDatabaseCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { LakemirrorError } from '../model/errors.ts';
import {
  type AwsCallContext,
  type AwsCallContextOptions,
  catalogIdParam,
  createAwsCallContext,
} from './awsCallContext.ts';
import { awsErrorName } from './classifyAwsError.ts';
import { ignoreNotFound } from './ignoreNotFound.ts';
import { type PartitionWriteResult, sendPartitionBatches } from './partitionBatches.ts';

export type { PartitionWriteResult } from './partitionBatches.ts';

/** Glue batch maxima: BatchCreatePartition 100, BatchUpdatePartition 100, BatchDeletePartition 25. */
export const GLUE_WRITE_LIMITS = { createPartitions: 100, updatePartitions: 100, deletePartitions: 25 };

/** One partition update: which partition (its current values) and its new definition. */
export interface PartitionUpdate {
  PartitionValueList: string[];
  PartitionInput: PartitionInput;
}

/**
 * Writes one Glue Data Catalog. Single-object calls throw a `LakemirrorError`; batch calls return
 * one result per partition. Deletes of objects that are already gone succeed: the desired end
 * state is reached, and replays must be idempotent.
 */
export class GlueCatalogWriter {
  private readonly context: AwsCallContext;

  constructor(
    private readonly glue: GlueClient,
    options: AwsCallContextOptions,
  ) {
    this.context = createAwsCallContext('glue', options);
  }

  async createDatabase(input: DatabaseInput): Promise<void> {
    await this.context.call('CreateDatabase', this.name('database', input.Name), () =>
      this.glue.send(new CreateDatabaseCommand({ ...catalogIdParam(this.context), DatabaseInput: input })),
    );
  }

  async updateDatabase(name: string, input: DatabaseInput): Promise<void> {
    await this.context.call('UpdateDatabase', this.name('database', name), () =>
      this.glue.send(
        new UpdateDatabaseCommand({ ...catalogIdParam(this.context), Name: name, DatabaseInput: input }),
      ),
    );
  }

  async deleteDatabase(name: string): Promise<void> {
    await ignoreNotFound(() =>
      this.context.call('DeleteDatabase', this.name('database', name), () =>
        this.glue.send(new DeleteDatabaseCommand({ ...catalogIdParam(this.context), Name: name })),
      ),
    );
  }

  async createTable(database: string, input: TableInput): Promise<void> {
    await this.context.call('CreateTable', this.name('table', `${database}.${input.Name}`), () =>
      this.glue.send(
        new CreateTableCommand({
          ...catalogIdParam(this.context),
          DatabaseName: database,
          TableInput: input,
        }),
      ),
    );
  }

  /**
   * Always `SkipArchive`: replicated updates would otherwise pile up table versions (quota 100,000). With
   * `versionId` (the one read) Glue refuses the update if the table changed since: that
   * ConcurrentModificationException is the caller's to settle (re-read, re-plan), so it is not retried.
   */
  async updateTable(database: string, input: TableInput, versionId?: string): Promise<void> {
    const object = this.name('table', `${database}.${input.Name}`);
    await this.context.call('UpdateTable', object, () =>
      this.glue
        .send(
          new UpdateTableCommand({
            ...catalogIdParam(this.context),
            DatabaseName: database,
            TableInput: input,
            SkipArchive: true,
            ...(versionId === undefined ? {} : { VersionId: versionId }),
          }),
        )
        .catch((error: unknown) => {
          if (versionId === undefined || awsErrorName(error) !== 'ConcurrentModificationException')
            throw error;
          throw new LakemirrorError({
            code: 'aws.ConcurrentModificationException',
            source: 'aws',
            object,
            message: `UpdateTable (${object}): another writer changed the table after VersionId ${versionId} was read`,
            fix: 'lakemirror reads the table again and plans it again; the next run settles what this one could not',
            cause: error,
          });
        }),
    );
  }

  async deleteTable(database: string, name: string): Promise<void> {
    await ignoreNotFound(() =>
      this.context.call('DeleteTable', this.name('table', `${database}.${name}`), () =>
        this.glue.send(
          new DeleteTableCommand({ ...catalogIdParam(this.context), DatabaseName: database, Name: name }),
        ),
      ),
    );
  }

  /** Creates partitions; an existing one comes back `ok` with `note: 'alreadyExists'` (it needs an update). */
  batchCreatePartitions(
    database: string,
    table: string,
    inputs: readonly PartitionInput[],
  ): Promise<PartitionWriteResult[]> {
    return sendPartitionBatches(this.context, {
      operation: 'BatchCreatePartition',
      object: this.name('table', `${database}.${table}`),
      items: inputs,
      size: GLUE_WRITE_LIMITS.createPartitions,
      keyOf: (input) => input.Values ?? [],
      benignCode: 'AlreadyExistsException',
      send: async (batch) => {
        const command = new BatchCreatePartitionCommand({
          ...this.tableParams(database, table),
          PartitionInputList: batch,
        });
        const result = await this.glue.send(command);
        return (result.Errors ?? []).map((e) => ({ values: e.PartitionValues, detail: e.ErrorDetail }));
      },
    });
  }

  /** Updates partitions, each identified by its current values. */
  batchUpdatePartitions(
    database: string,
    table: string,
    entries: readonly PartitionUpdate[],
  ): Promise<PartitionWriteResult[]> {
    return sendPartitionBatches(this.context, {
      operation: 'BatchUpdatePartition',
      object: this.name('table', `${database}.${table}`),
      items: entries,
      size: GLUE_WRITE_LIMITS.updatePartitions,
      keyOf: (entry) => entry.PartitionValueList,
      send: async (batch) => {
        const command = new BatchUpdatePartitionCommand({
          ...this.tableParams(database, table),
          Entries: batch,
        });
        const result = await this.glue.send(command);
        return (result.Errors ?? []).map((e) => ({ values: e.PartitionValueList, detail: e.ErrorDetail }));
      },
    });
  }

  /** Deletes partitions by values; one already gone comes back `ok` with `note: 'notFound'`. */
  batchDeletePartitions(
    database: string,
    table: string,
    valuesList: readonly string[][],
  ): Promise<PartitionWriteResult[]> {
    return sendPartitionBatches(this.context, {
      operation: 'BatchDeletePartition',
      object: this.name('table', `${database}.${table}`),
      items: valuesList,
      size: GLUE_WRITE_LIMITS.deletePartitions,
      keyOf: (values) => values,
      benignCode: 'EntityNotFoundException',
      send: async (batch) => {
        const PartitionsToDelete = batch.map((Values) => ({ Values }));
        const command = new BatchDeletePartitionCommand({
          ...this.tableParams(database, table),
          PartitionsToDelete,
        });
        const result = await this.glue.send(command);
        return (result.Errors ?? []).map((e) => ({ values: e.PartitionValues, detail: e.ErrorDetail }));
      },
    });
  }

  private tableParams(database: string, table: string) {
    return { ...catalogIdParam(this.context), DatabaseName: database, TableName: table };
  }

  private name(kind: string, id: string | undefined): string {
    return `${kind} ${id ?? '(unnamed)'} in ${this.context.region}`;
  }
}
