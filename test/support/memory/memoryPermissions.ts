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
import type { ApiCallCounter } from '../../../src/aws/callCounter.ts';
import type {
  ListPermissionsFilter,
  PermissionEntry,
  PermissionEntryResult,
} from '../../../src/aws/lakeFormationPermissions.ts';
import type { LfTagAssignmentResult } from '../../../src/aws/lakeFormationTags.ts';
import type { PermissionStore } from '../../../src/engine/ports/permissionStore.ts';
import { stableStringify } from '../../../src/model/stableStringify.ts';
import { serviceError } from './serviceError.ts';

/** Resources and principals compare by value, whatever the order of their members. */
const same = (a: unknown, b: unknown) => stableStringify(a) === stableStringify(b);
const union = <T extends string>(a: readonly T[] = [], b: readonly T[] = []): T[] =>
  [...new Set([...a, ...b])].sort();
const minus = <T extends string>(a: readonly T[] = [], b: readonly T[] = []): T[] =>
  a.filter((p) => !b.includes(p));

/**
 * A Region's Lake Formation state held in memory, as the permission store port sees it: grants merge and
 * revokes subtract per principal and resource; locations, LF-Tags and their assignments, data cells filters,
 * settings and opt-ins are kept as written. Every call is counted under its Lake Formation operation name.
 */
export class MemoryPermissions implements PermissionStore {
  private grants: PrincipalResourcePermissions[] = [];
  private readonly resources = new Map<string, ResourceInfo>();
  private readonly tags = new Map<string, string[]>();
  private readonly assignments = new Map<string, { resource: Resource; tags: LFTagPair[] }>();
  private readonly filters = new Map<string, DataCellsFilter>();
  private settings: DataLakeSettings = {};
  private optIns: LakeFormationOptInsInfo[] = [];

  constructor(private readonly counter: ApiCallCounter) {}

  async listPermissions(filter: ListPermissionsFilter = {}): Promise<PrincipalResourcePermissions[]> {
    this.count('ListPermissions');
    return structuredClone(
      this.grants.filter(
        (g) =>
          (!filter.resource || same(g.Resource, filter.resource)) &&
          (!filter.principal || same(g.Principal, filter.principal)),
      ),
    );
  }

  async batchGrant(entries: readonly PermissionEntry[]): Promise<PermissionEntryResult[]> {
    this.count('BatchGrantPermissions');
    return entries.map((entry) => {
      const found = this.grantOf(entry);
      if (found) {
        found.Permissions = union(found.Permissions, entry.Permissions);
        found.PermissionsWithGrantOption = union(
          found.PermissionsWithGrantOption,
          entry.PermissionsWithGrantOption,
        );
      } else {
        this.grants.push({
          Principal: structuredClone(entry.Principal),
          Resource: structuredClone(entry.Resource),
          Permissions: union(entry.Permissions),
          PermissionsWithGrantOption: union(entry.PermissionsWithGrantOption),
        });
      }
      return { key: entry, ok: true };
    });
  }

  async batchRevoke(entries: readonly PermissionEntry[]): Promise<PermissionEntryResult[]> {
    this.count('BatchRevokePermissions');
    return entries.map((entry) => {
      const found = this.grantOf(entry);
      if (!found) return { key: entry, ok: true, note: 'notFound' as const };
      found.Permissions = minus(found.Permissions, entry.Permissions);
      found.PermissionsWithGrantOption = minus(
        found.PermissionsWithGrantOption,
        entry.PermissionsWithGrantOption,
      );
      this.grants = this.grants.filter((g) => (g.Permissions?.length ?? 0) > 0);
      return { key: entry, ok: true };
    });
  }

  async listResources(): Promise<ResourceInfo[]> {
    this.count('ListResources');
    return structuredClone([...this.resources.values()]);
  }

  async registerResource(input: RegisterResourceRequest): Promise<void> {
    this.count('RegisterResource');
    if (this.resources.has(input.ResourceArn!))
      throw serviceError('AlreadyExistsException', `${input.ResourceArn} is already registered.`);
    const { UseServiceLinkedRole: _, ...info } = input;
    this.resources.set(input.ResourceArn!, structuredClone(info));
  }

  async updateResource(input: UpdateResourceRequest): Promise<void> {
    this.count('UpdateResource');
    this.resourceOf(input.ResourceArn);
    this.resources.set(input.ResourceArn!, structuredClone(input));
  }

  async deregisterResource(resourceArn: string): Promise<void> {
    this.count('DeregisterResource');
    this.resourceOf(resourceArn);
    this.resources.delete(resourceArn);
  }

  async listLfTags(): Promise<LFTagPair[]> {
    this.count('ListLFTags');
    return [...this.tags].map(([TagKey, TagValues]) => ({ TagKey, TagValues: [...TagValues] }));
  }

  async createLfTag(key: string, values: string[]): Promise<void> {
    this.count('CreateLFTag');
    if (this.tags.has(key)) throw serviceError('AlreadyExistsException', `LF-Tag ${key} already exists.`);
    this.tags.set(key, union(values));
  }

  async updateLfTag(key: string, change: { add?: string[]; remove?: string[] }): Promise<void> {
    this.count('UpdateLFTag');
    const values = this.tags.get(key);
    if (!values) throw serviceError('EntityNotFoundException', `LF-Tag ${key} not found.`);
    this.tags.set(key, minus(union(values, change.add), change.remove));
  }

  async deleteLfTag(key: string): Promise<void> {
    this.count('DeleteLFTag');
    this.tags.delete(key);
  }

  async addLfTags(resource: Resource, pairs: readonly LFTagPair[]): Promise<LfTagAssignmentResult[]> {
    this.count('AddLFTagsToResource');
    const held = this.assignments.get(stableStringify(resource)) ?? { resource, tags: [] };
    held.tags = [
      ...held.tags.filter((t) => !pairs.some((p) => p.TagKey === t.TagKey)),
      ...structuredClone(pairs),
    ];
    this.assignments.set(stableStringify(resource), held);
    return pairs.map((key) => ({ key, ok: true }));
  }

  async removeLfTags(resource: Resource, pairs: readonly LFTagPair[]): Promise<LfTagAssignmentResult[]> {
    this.count('RemoveLFTagsFromResource');
    const held = this.assignments.get(stableStringify(resource));
    if (held) held.tags = held.tags.filter((t) => !pairs.some((p) => p.TagKey === t.TagKey));
    return pairs.map((key) => ({ key, ok: true }));
  }

  async getResourceLfTags(resource: Resource): Promise<GetResourceLFTagsResponse> {
    this.count('GetResourceLFTags');
    const tags = this.assignments.get(stableStringify(resource))?.tags ?? [];
    const where = resource.Table ? 'LFTagsOnTable' : 'LFTagOnDatabase';
    return { [where]: structuredClone(tags) };
  }

  async listDataCellsFilters(table?: TableResource): Promise<DataCellsFilter[]> {
    this.count('ListDataCellsFilter');
    return structuredClone(
      [...this.filters.values()].filter(
        (f) => !table || (f.DatabaseName === table.DatabaseName && f.TableName === table.Name),
      ),
    );
  }

  async createDataCellsFilter(filter: DataCellsFilter): Promise<void> {
    this.count('CreateDataCellsFilter');
    if (this.filters.has(this.filterKey(filter)))
      throw serviceError('AlreadyExistsException', `Filter ${filter.Name} already exists.`);
    this.filters.set(this.filterKey(filter), structuredClone(filter));
  }

  async updateDataCellsFilter(filter: DataCellsFilter): Promise<void> {
    this.count('UpdateDataCellsFilter');
    this.filters.set(this.filterKey(filter), structuredClone(filter));
  }

  async deleteDataCellsFilter(
    filter: Pick<DataCellsFilter, 'TableCatalogId' | 'DatabaseName' | 'TableName' | 'Name'>,
  ): Promise<void> {
    this.count('DeleteDataCellsFilter');
    this.filters.delete(this.filterKey(filter));
  }

  async getDataLakeSettings(): Promise<DataLakeSettings | undefined> {
    this.count('GetDataLakeSettings');
    return structuredClone(this.settings);
  }

  async putDataLakeSettings(settings: DataLakeSettings): Promise<void> {
    this.count('PutDataLakeSettings');
    this.settings = structuredClone(settings);
  }

  async listOptIns(resource?: Resource): Promise<LakeFormationOptInsInfo[]> {
    this.count('ListLakeFormationOptIns');
    return structuredClone(this.optIns.filter((o) => !resource || same(o.Resource, resource)));
  }

  async createOptIn(principal: string, resource: Resource, condition?: Condition): Promise<void> {
    this.count('CreateLakeFormationOptIn');
    this.optIns.push({
      Principal: { DataLakePrincipalIdentifier: principal },
      Resource: structuredClone(resource),
      ...(condition ? { Condition: structuredClone(condition) } : {}),
    });
  }

  async deleteOptIn(principal: string, resource: Resource): Promise<void> {
    this.count('DeleteLakeFormationOptIn');
    this.optIns = this.optIns.filter(
      (o) => !(o.Principal?.DataLakePrincipalIdentifier === principal && same(o.Resource, resource)),
    );
  }

  private count(operation: string): void {
    this.counter.record('LakeFormation', operation);
  }

  private grantOf(entry: PermissionEntry): PrincipalResourcePermissions | undefined {
    return this.grants.find((g) => same(g.Principal, entry.Principal) && same(g.Resource, entry.Resource));
  }

  private resourceOf(arn: string | undefined): ResourceInfo {
    const found = arn ? this.resources.get(arn) : undefined;
    if (!found) throw serviceError('EntityNotFoundException', `${arn} is not registered.`);
    return found;
  }

  private filterKey(f: Pick<DataCellsFilter, 'DatabaseName' | 'TableName' | 'Name'>): string {
    return `${f.DatabaseName}.${f.TableName}.${f.Name}`;
  }
}
