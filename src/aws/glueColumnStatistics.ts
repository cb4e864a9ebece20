import {
  type ColumnStatistics,
  DeleteColumnStatisticsForPartitionCommand,
  DeleteColumnStatisticsForTableCommand,
  GetColumnStatisticsForPartitionCommand,
  GetColumnStatisticsForTableCommand,
  type GlueClient,
  UpdateColumnStatisticsForPartitionCommand,
  UpdateColumnStatisticsForTableCommand,
} from '@aws-sdk/client-glue';
import { LakemirrorError } from '../model/errors.ts';
import { type AwsCallContext, catalogIdParam } from './awsCallContext.ts';
import { chunk } from './chunk.ts';
import { ignoreNotFound } from './ignoreNotFound.ts';

/** API maxima (glue-2017-03-31): Get takes up to 100 column names, Update up to 25 statistics. */
export const STATISTICS_LIMITS = { getColumns: 100, updateColumns: 25 };

/** A table's statistics (`values` absent) or one partition's. */
export interface StatisticsOwner {
  database: string;
  table: string;
  values?: string[];
}

/** Column statistics of tables and partitions: read 100 columns a call, written 25 a call, deleted one by one. */
export class GlueColumnStatistics {
  constructor(
    private readonly glue: GlueClient,
    private readonly context: AwsCallContext,
  ) {}

  /**
   * The statistics of `columns` (columns without any are left out), or `undefined` when the table or
   * partition does not exist.
   */
  async get(owner: StatisticsOwner, columns: readonly string[]): Promise<ColumnStatistics[] | undefined> {
    return ignoreNotFound(async () => {
      const found: ColumnStatistics[] = [];
      for (const ColumnNames of chunk(columns, STATISTICS_LIMITS.getColumns)) {
        const answer = await this.context.call(this.operation('Get', owner), this.name(owner), () =>
          owner.values
            ? this.glue.send(
                new GetColumnStatisticsForPartitionCommand({
                  ...this.where(owner),
                  PartitionValues: owner.values,
                  ColumnNames,
                }),
              )
            : this.glue.send(new GetColumnStatisticsForTableCommand({ ...this.where(owner), ColumnNames })),
        );
        found.push(...(answer.ColumnStatisticsList ?? []));
      }
      return found;
    });
  }

  /** Writes statistics 25 columns a call; a column Glue refuses fails the whole write, naming the column. */
  async update(owner: StatisticsOwner, statistics: readonly ColumnStatistics[]): Promise<void> {
    for (const ColumnStatisticsList of chunk(statistics, STATISTICS_LIMITS.updateColumns)) {
      const answer = await this.context.call(this.operation('Update', owner), this.name(owner), () =>
        owner.values
          ? this.glue.send(
              new UpdateColumnStatisticsForPartitionCommand({
                ...this.where(owner),
                PartitionValues: owner.values,
                ColumnStatisticsList,
              }),
            )
          : this.glue.send(
              new UpdateColumnStatisticsForTableCommand({ ...this.where(owner), ColumnStatisticsList }),
            ),
      );
      const error = answer.Errors?.[0];
      if (error) {
        throw new LakemirrorError({
          code: 'aws.columnStatisticsRefused',
          source: 'aws',
          object: this.name(owner),
          message: `Glue refused the statistics of column ${error.ColumnStatistics?.ColumnName} of ${this.name(owner)}: ${error.Error?.ErrorMessage ?? error.Error?.ErrorCode}`,
          fix: 'Check that the column exists in the target table with the same name and type.',
        });
      }
    }
  }

  /** Deletes one column's statistics; statistics already gone are the end state. */
  async delete(owner: StatisticsOwner, column: string): Promise<void> {
    await ignoreNotFound(() =>
      this.context.call(this.operation('Delete', owner), this.name(owner), () =>
        owner.values
          ? this.glue.send(
              new DeleteColumnStatisticsForPartitionCommand({
                ...this.where(owner),
                PartitionValues: owner.values,
                ColumnName: column,
              }),
            )
          : this.glue.send(
              new DeleteColumnStatisticsForTableCommand({ ...this.where(owner), ColumnName: column }),
            ),
      ),
    );
  }

  private where(owner: StatisticsOwner) {
    return { ...catalogIdParam(this.context), DatabaseName: owner.database, TableName: owner.table };
  }

  private operation(verb: 'Get' | 'Update' | 'Delete', owner: StatisticsOwner): string {
    return `${verb}ColumnStatisticsFor${owner.values ? 'Partition' : 'Table'}`;
  }

  private name(owner: StatisticsOwner): string {
    const values = owner.values ? ` ${JSON.stringify(owner.values)}` : '';
    return `${owner.values ? 'partition' : 'table'} ${owner.database}.${owner.table}${values} in ${this.context.region}`;
  }
}
