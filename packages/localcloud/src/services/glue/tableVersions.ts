import { type OperationSpec, type RequestContext, required, ServiceError } from '../../service.ts';
import { catalogOf, glueName, requireTable } from './catalog.ts';
import { pageOf } from './paging.ts';
import { presentTable, tableFromInput } from './tableShape.ts';
import { pageSize } from './validation.ts';

type Input = Record<string, any>;

/**
 * UpdateTable replaces the table definition. VersionId, when given, must be the current one (optimistic
 * concurrency) or the call fails with ConcurrentModificationException. Every update makes a new VersionId;
 * unless SkipArchive is true the previous definition is archived as a table version first.
 */
function updateTable(input: Input, ctx: RequestContext): object {
  const catalogId = catalogOf(input, ctx);
  const databaseName = required<string>(input, 'DatabaseName');
  const tableInput = required<Input>(input, 'TableInput');
  const name = glueName(required<string>(tableInput, 'Name'));
  const stored = requireTable(ctx, databaseName, name);
  const current = stored.table;
  if (input.VersionId !== undefined && input.VersionId !== current.VersionId) {
    throw new ServiceError(
      'ConcurrentModificationException',
      `Update table failed due to concurrent modifications: VersionId ${input.VersionId} is not the current ` +
        `version of ${current.DatabaseName}.${current.Name}.`,
    );
  }
  if (input.SkipArchive !== true) stored.versions.push({ VersionId: current.VersionId, Table: current });
  stored.table = tableFromInput(tableInput, {
    Name: current.Name,
    DatabaseName: current.DatabaseName,
    CatalogId: catalogId,
    CreateTime: current.CreateTime,
    UpdateTime: ctx.now,
    CreatedBy: current.CreatedBy,
    VersionId: String(Number(current.VersionId) + 1),
  });
  return {};
}

/** Page keys ordering versions newest first (version ids are increasing integers). */
const newestFirstKey = (versionId: string): string =>
  String(Number.MAX_SAFE_INTEGER - Number(versionId)).padStart(16, '0');

/** GetTableVersions: the current version and the archived ones, newest first, paged. */
function getTableVersions(input: Input, ctx: RequestContext): object {
  catalogOf(input, ctx);
  const size = pageSize(input, 100);
  const stored = requireTable(ctx, required(input, 'DatabaseName'), required(input, 'TableName'));
  const all = new Map<string, { VersionId: string; Table: Record<string, any> }>();
  all.set(newestFirstKey(stored.table.VersionId), {
    VersionId: stored.table.VersionId,
    Table: presentTable(ctx, stored.table),
  });
  for (const version of stored.versions) all.set(newestFirstKey(version.VersionId), version);
  const page = pageOf([...all.keys()].sort(), input.NextToken, size, (key) => all.get(key));
  return { TableVersions: page.items, NextToken: page.nextToken };
}

export const tableVersionOperations: Record<string, OperationSpec> = {
  UpdateTable: { readOnly: false, handler: updateTable },
  GetTableVersions: { readOnly: true, handler: getTableVersions },
};
