import { z } from 'zod';

/*
 * The shapes of the catalog's newer objects as lakemirror keeps them: partition indexes, user-defined
 * functions and column statistics (glue-2017-03-31). Timestamps are ISO strings and blobs base64, so a
 * record is plain JSON; the request builders turn them back into the SDK's Date and Uint8Array.
 */

const name = z.string().min(1);

/** PartitionIndex: what CreatePartitionIndex takes; the keys in index order (which is meaningful). */
export const partitionIndexSchema = z.strictObject({
  IndexName: name,
  Keys: z.array(name).min(1),
});

/** UserDefinedFunctionInput (FunctionName required: Glue refuses a function without one). */
export const functionInputSchema = z.object({
  FunctionName: name,
  ClassName: z.string().optional(),
  OwnerName: z.string().optional(),
  OwnerType: z.enum(['USER', 'ROLE', 'GROUP']).optional(),
  FunctionType: z.enum(['REGULAR_FUNCTION', 'AGGREGATE_FUNCTION', 'STORED_PROCEDURE']).optional(),
  ResourceUris: z
    .array(
      z.object({ ResourceType: z.enum(['JAR', 'FILE', 'ARCHIVE']).optional(), Uri: z.string().optional() }),
    )
    .optional(),
});

const number = z.number();
const decimal = z.object({ UnscaledValue: z.string(), Scale: number });

/** ColumnStatisticsData: the Type and the member of that type; dates ISO, decimal blobs base64. */
export const statisticsDataSchema = z.object({
  Type: z.enum(['BOOLEAN', 'DATE', 'DECIMAL', 'DOUBLE', 'LONG', 'STRING', 'BINARY']),
  BooleanColumnStatisticsData: z
    .object({ NumberOfTrues: number, NumberOfFalses: number, NumberOfNulls: number })
    .optional(),
  DateColumnStatisticsData: z
    .object({
      MinimumValue: z.string().optional(),
      MaximumValue: z.string().optional(),
      NumberOfNulls: number,
      NumberOfDistinctValues: number,
    })
    .optional(),
  DecimalColumnStatisticsData: z
    .object({
      MinimumValue: decimal.optional(),
      MaximumValue: decimal.optional(),
      NumberOfNulls: number,
      NumberOfDistinctValues: number,
    })
    .optional(),
  DoubleColumnStatisticsData: z
    .object({
      MinimumValue: number.optional(),
      MaximumValue: number.optional(),
      NumberOfNulls: number,
      NumberOfDistinctValues: number,
    })
    .optional(),
  LongColumnStatisticsData: z
    .object({
      MinimumValue: number.optional(),
      MaximumValue: number.optional(),
      NumberOfNulls: number,
      NumberOfDistinctValues: number,
    })
    .optional(),
  StringColumnStatisticsData: z
    .object({
      MaximumLength: number,
      AverageLength: number,
      NumberOfNulls: number,
      NumberOfDistinctValues: number,
    })
    .optional(),
  BinaryColumnStatisticsData: z
    .object({ MaximumLength: number, AverageLength: number, NumberOfNulls: number })
    .optional(),
});

/**
 * ColumnStatistics. `AnalyzedTime` is kept: the caller sets it (it is required input, not server-managed), and
 * a planner in the target Region needs to know how fresh the statistics are.
 */
export const columnStatisticsSchema = z.object({
  ColumnName: name,
  ColumnType: z.string(),
  AnalyzedTime: z.string(),
  StatisticsData: statisticsDataSchema,
});

export type PartitionIndex = z.infer<typeof partitionIndexSchema>;
export type FunctionInput = z.infer<typeof functionInputSchema>;
export type ColumnStatisticsShape = z.infer<typeof columnStatisticsSchema>;
