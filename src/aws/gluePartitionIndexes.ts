import {
  CreatePartitionIndexCommand,
  DeletePartitionIndexCommand,
  GetPartitionIndexesCommand,
  type GlueClient,
  type PartitionIndex,
  type PartitionIndexDescriptor,
} from '@aws-sdk/client-glue';
import { type AwsCallContext, catalogIdParam } from './awsCallContext.ts';
import { ignoreNotFound } from './ignoreNotFound.ts';
import { collectPages } from './pages.ts';

/** Partition indexes of one catalog: GetPartitionIndexes (one paged call per table), Create, Delete. */
export class GluePartitionIndexes {
  constructor(
    private readonly glue: GlueClient,
    private readonly context: AwsCallContext,
  ) {}

  /** The indexes of a table, or `undefined` when the table does not exist. */
  list(database: string, table: string): Promise<PartitionIndexDescriptor[] | undefined> {
    return ignoreNotFound(() =>
      collectPages(async (NextToken) => {
        const page = await this.context.call('GetPartitionIndexes', this.name(database, table), () =>
          this.glue.send(
            new GetPartitionIndexesCommand({
              ...catalogIdParam(this.context),
              DatabaseName: database,
              TableName: table,
              NextToken,
            }),
          ),
        );
        return { items: page.PartitionIndexDescriptorList, next: page.NextToken };
      }),
    );
  }

  async create(database: string, table: string, index: PartitionIndex): Promise<void> {
    await this.context.call('CreatePartitionIndex', this.name(database, table, index.IndexName), () =>
      this.glue.send(
        new CreatePartitionIndexCommand({
          ...catalogIdParam(this.context),
          DatabaseName: database,
          TableName: table,
          PartitionIndex: index,
        }),
      ),
    );
  }

  /** Deletes an index; one already gone (or whose table is gone) is the end state. */
  async delete(database: string, table: string, indexName: string): Promise<void> {
    await ignoreNotFound(() =>
      this.context.call('DeletePartitionIndex', this.name(database, table, indexName), () =>
        this.glue.send(
          new DeletePartitionIndexCommand({
            ...catalogIdParam(this.context),
            DatabaseName: database,
            TableName: table,
            IndexName: indexName,
          }),
        ),
      ),
    );
  }

  private name(database: string, table: string, index?: string): string {
    const what =
      index === undefined ? `table ${database}.${table}` : `partition index ${database}.${table}#${index}`;
    return `${what} in ${this.context.region}`;
  }
}
