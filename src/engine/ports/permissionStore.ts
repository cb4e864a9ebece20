import type {
  Condition,
  DataCellsFilter,
  DataLakeSettings,
  GetResourceLFTagsResponse,
  LakeFormationOptInsInfo,
  LFTagPair,
  PrincipalResourcePermissions,
  RegisterResourceRequest,
  Resource,
  ResourceInfo,
  TableResource,
  UpdateResourceRequest,
} from '@aws-sdk/client-lakeformation';
import type {
  ListPermissionsFilter,
  PermissionEntry,
  PermissionEntryResult,
} from '../../aws/lakeFormationPermissions.ts';
import type { LfTagAssignmentResult } from '../../aws/lakeFormationTags.ts';

/**
 * A Region's Lake Formation state: grants, registered locations, LF-Tags and their assignments, data cells
 * filters, settings and opt-ins. Batch calls answer per entry.
 */
export interface PermissionStore {
  listPermissions(filter?: ListPermissionsFilter): Promise<PrincipalResourcePermissions[]>;
  batchGrant(entries: readonly PermissionEntry[]): Promise<PermissionEntryResult[]>;
  batchRevoke(entries: readonly PermissionEntry[]): Promise<PermissionEntryResult[]>;
  listResources(): Promise<ResourceInfo[]>;
  registerResource(input: RegisterResourceRequest): Promise<void>;
  updateResource(input: UpdateResourceRequest): Promise<void>;
  deregisterResource(resourceArn: string): Promise<void>;
  listLfTags(): Promise<LFTagPair[]>;
  createLfTag(key: string, values: string[]): Promise<void>;
  updateLfTag(key: string, change: { add?: string[]; remove?: string[] }): Promise<void>;
  deleteLfTag(key: string): Promise<unknown>;
  addLfTags(resource: Resource, pairs: readonly LFTagPair[]): Promise<LfTagAssignmentResult[]>;
  removeLfTags(resource: Resource, pairs: readonly LFTagPair[]): Promise<LfTagAssignmentResult[]>;
  getResourceLfTags(resource: Resource): Promise<GetResourceLFTagsResponse>;
  listDataCellsFilters(table?: TableResource): Promise<DataCellsFilter[]>;
  createDataCellsFilter(filter: DataCellsFilter): Promise<void>;
  updateDataCellsFilter(filter: DataCellsFilter): Promise<void>;
  deleteDataCellsFilter(
    filter: Pick<DataCellsFilter, 'TableCatalogId' | 'DatabaseName' | 'TableName' | 'Name'>,
  ): Promise<void>;
  getDataLakeSettings(): Promise<DataLakeSettings | undefined>;
  putDataLakeSettings(settings: DataLakeSettings): Promise<void>;
  listOptIns(resource?: Resource): Promise<LakeFormationOptInsInfo[]>;
  createOptIn(principal: string, resource: Resource, condition?: Condition): Promise<void>;
  deleteOptIn(principal: string, resource: Resource, condition?: Condition): Promise<void>;
}
