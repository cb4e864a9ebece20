import type { RequestContext } from '../../service.ts';
import { lakeFormationStateOf } from '../lakeformation/state.ts';
import { compact } from './catalog.ts';

type Input = Record<string, any>;

/** Server-managed members of a Table: what CreateTable/UpdateTable fill in rather than take from TableInput. */
export interface TableServerFields {
  Name: string;
  DatabaseName: string;
  CatalogId: string;
  CreateTime: number;
  UpdateTime: number;
  CreatedBy: string;
  VersionId: string;
}

/** The Table structure GetTable answers, from a TableInput (members as given) and the server-managed ones. */
export function tableFromInput(input: Input, server: TableServerFields): Record<string, any> {
  return compact({
    Name: server.Name,
    DatabaseName: server.DatabaseName,
    Description: input.Description,
    Owner: input.Owner,
    CreateTime: server.CreateTime,
    UpdateTime: server.UpdateTime,
    LastAccessTime: input.LastAccessTime,
    LastAnalyzedTime: input.LastAnalyzedTime,
    Retention: input.Retention ?? 0,
    StorageDescriptor: input.StorageDescriptor,
    PartitionKeys: input.PartitionKeys ?? [],
    ViewOriginalText: input.ViewOriginalText,
    ViewExpandedText: input.ViewExpandedText,
    TableType: input.TableType,
    Parameters: input.Parameters,
    CreatedBy: server.CreatedBy,
    IsRegisteredWithLakeFormation: false,
    TargetTable: input.TargetTable,
    CatalogId: server.CatalogId,
    VersionId: server.VersionId,
    FederatedTable: input.FederatedTable,
    ViewDefinition: input.ViewDefinition,
    IsMultiDialectView: input.ViewDefinition !== undefined,
  });
}

/** `s3://bucket/path` as the ARN Lake Formation registers locations under. */
const s3Arn = (location: string): string => `arn:aws:s3:::${location.replace(/^s3a?:\/\//, '')}`;

/**
 * A table as answered: IsRegisteredWithLakeFormation says whether its location lies under a location registered
 * with Lake Formation in this Region (derived on read, since registration can change after the table is made).
 */
export function presentTable(ctx: RequestContext, table: Record<string, any>): Record<string, any> {
  const location = table.StorageDescriptor?.Location;
  if (typeof location !== 'string' || !ctx.regionState.hasSlice('lakeformation')) return table;
  const arn = s3Arn(location).replace(/\/+$/, '');
  const registered = Object.keys(lakeFormationStateOf(ctx.regionState).resources).some((resourceArn) => {
    const root = resourceArn.replace(/\/+$/, '');
    return arn === root || arn.startsWith(`${root}/`);
  });
  return registered ? { ...table, IsRegisteredWithLakeFormation: true } : table;
}
