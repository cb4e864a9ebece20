import { type Constraint, enumShape, list, stringShape, structure } from '../../modelConstraints.ts';
import {
  alreadyExists,
  entityNotFound,
  invalidInput,
  type OperationSpec,
  type RequestContext,
  required,
  ServiceError,
} from '../../service.ts';
import { catalogOf, errorDetail, glueName, requireTable } from './catalog.ts';
import { findTable, type StoredTable } from './state.ts';

type Input = Record<string, any>;

/** TableOptimizerType (glue-2017-03-31). */
const TYPES = ['compaction', 'retention', 'orphan_file_deletion'];

/*
 * The model's constraints on the optimizer requests: CatalogIdString 1..255, NameString 1..255, the
 * TableOptimizerType and CompactionStrategy enums, ArnString 20..2048 for the role, GlueConnectionNameString
 * 1..255. The model sets no maximum on BatchGetTableOptimizer's Entries.
 */
const catalogId = stringShape(1, 255);
const nameString = stringShape(1, 255, 'single');
const configuration = structure({
  roleArn: stringShape(20, 2048),
  vpcConfiguration: structure({ glueConnectionName: stringShape(1, 255) }),
  compactionConfiguration: structure({
    icebergConfiguration: structure({ strategy: enumShape(['binpack', 'sort', 'z-order']) }),
  }),
});
const target = {
  CatalogId: catalogId,
  DatabaseName: nameString,
  TableName: nameString,
  Type: enumShape(TYPES),
};

export const tableOptimizerConstraints: Record<string, Constraint> = {
  CreateTableOptimizer: structure({ ...target, TableOptimizerConfiguration: configuration }),
  UpdateTableOptimizer: structure({ ...target, TableOptimizerConfiguration: configuration }),
  DeleteTableOptimizer: structure(target),
  GetTableOptimizer: structure(target),
  BatchGetTableOptimizer: structure({
    Entries: list(
      structure({
        catalogId,
        databaseName: stringShape(1, 255),
        tableName: stringShape(1, 255),
        type: enumShape(TYPES),
      }),
    ),
  }),
};

/** The optimizers of a table by type, each with its configuration as sent. */
const optimizersOf = (stored: StoredTable) => (stored.optimizers ??= {});

/**
 * The table an optimizer call names. CatalogId is required; Glue runs optimizers on Iceberg tables only and
 * refuses others as invalid input.
 */
function optimizerTable(input: Input, ctx: RequestContext): { stored: StoredTable; type: string } {
  catalogOf({ CatalogId: required<string>(input, 'CatalogId') }, ctx);
  const stored = requireTable(ctx, required(input, 'DatabaseName'), required(input, 'TableName'));
  const type = required<string>(input, 'Type');
  if (String(stored.table.Parameters?.table_type ?? '').toUpperCase() !== 'ICEBERG')
    throw invalidInput(
      `Table ${stored.table.Name} is not an Iceberg table; table optimizers apply to Iceberg tables only.`,
    );
  return { stored, type };
}

function createTableOptimizer(input: Input, ctx: RequestContext): object {
  const { stored, type } = optimizerTable(input, ctx);
  const configuration = required<Input>(input, 'TableOptimizerConfiguration');
  const optimizers = optimizersOf(stored);
  if (optimizers[type])
    throw alreadyExists(`Table optimizer ${type} already exists for ${stored.table.Name}.`);
  optimizers[type] = { type, configuration: structuredClone(configuration) };
  return {};
}

function requireOptimizer(stored: StoredTable, type: string) {
  const found = optimizersOf(stored)[type];
  if (!found) throw entityNotFound(`Table optimizer ${type} not found for table ${stored.table.Name}.`);
  return found;
}

function updateTableOptimizer(input: Input, ctx: RequestContext): object {
  const { stored, type } = optimizerTable(input, ctx);
  const configuration = required<Input>(input, 'TableOptimizerConfiguration');
  requireOptimizer(stored, type).configuration = structuredClone(configuration);
  return {};
}

function deleteTableOptimizer(input: Input, ctx: RequestContext): object {
  const { stored, type } = optimizerTable(input, ctx);
  requireOptimizer(stored, type);
  delete optimizersOf(stored)[type];
  return {};
}

function getTableOptimizer(input: Input, ctx: RequestContext): object {
  const { stored, type } = optimizerTable(input, ctx);
  return {
    CatalogId: input.CatalogId,
    DatabaseName: stored.table.DatabaseName,
    TableName: stored.table.Name,
    TableOptimizer: requireOptimizer(stored, type),
  };
}

/** BatchGetTableOptimizer: each entry answered on its own; a missing table or optimizer is a failure. */
function batchGetTableOptimizer(input: Input, ctx: RequestContext): object {
  const entries = required<Input[]>(input, 'Entries');
  const TableOptimizers: object[] = [];
  const Failures: object[] = [];
  for (const entry of entries) {
    try {
      if (entry.catalogId !== undefined) catalogOf({ CatalogId: entry.catalogId }, ctx);
      const stored = findTable(
        ctx.regionState,
        glueName(entry.databaseName ?? ''),
        glueName(entry.tableName ?? ''),
      );
      if (!stored) throw entityNotFound(`Table ${entry.tableName} not found.`);
      TableOptimizers.push({
        catalogId: entry.catalogId,
        databaseName: entry.databaseName,
        tableName: entry.tableName,
        tableOptimizer: requireOptimizer(stored, String(entry.type)),
      });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      Failures.push({ ...entry, error: errorDetail(error) });
    }
  }
  return { TableOptimizers, Failures };
}

export const tableOptimizerOperations: Record<string, OperationSpec> = {
  CreateTableOptimizer: { handler: createTableOptimizer, readOnly: false },
  UpdateTableOptimizer: { handler: updateTableOptimizer, readOnly: false },
  DeleteTableOptimizer: { handler: deleteTableOptimizer, readOnly: false },
  GetTableOptimizer: { handler: getTableOptimizer, readOnly: true },
  BatchGetTableOptimizer: { handler: batchGetTableOptimizer, readOnly: true },
};
