import {
  type Condition,
  CreateDataCellsFilterCommand,
  CreateLakeFormationOptInCommand,
  type DataCellsFilter,
  type DataLakeSettings,
  DeleteDataCellsFilterCommand,
  DeleteLakeFormationOptInCommand,
  DeregisterResourceCommand,
  GetDataLakeSettingsCommand,
  type LakeFormationClient,
  type LakeFormationOptInsInfo,
  type LFTagPair,
  ListDataCellsFilterCommand,
  ListLakeFormationOptInsCommand,
  ListResourcesCommand,
  PutDataLakeSettingsCommand,
  RegisterResourceCommand,
  type RegisterResourceRequest,
  type Resource,
  type ResourceInfo,
  type TableResource,
  UpdateDataCellsFilterCommand,
  UpdateResourceCommand,
  type UpdateResourceRequest,
} from '@aws-sdk/client-lakeformation';
import {
  type AwsCallContext,
  type AwsCallContextOptions,
  catalogIdParam,
  createAwsCallContext,
} from './awsCallContext.ts';
import { describeLfResource } from './describeLfResource.ts';
import { ignoreNotFound } from './ignoreNotFound.ts';
import {
  batchPermissions,
  type ListPermissionsFilter,
  listPermissions,
  type PermissionEntry,
} from './lakeFormationPermissions.ts';
import * as tags from './lakeFormationTags.ts';
import { collectPages } from './pages.ts';

export type {
  ListPermissionsFilter,
  PermissionEntry,
  PermissionEntryResult,
} from './lakeFormationPermissions.ts';
export type { LfTagAssignmentResult } from './lakeFormationTags.ts';

/**
 * Lake Formation in one account and Region: permissions, registered locations, LF-Tags and their
 * assignments, data cells filters and data lake settings. Batch calls return per-entry results;
 * deletes of things already gone succeed (replays must be idempotent).
 */
export class LakeFormationStore {
  private readonly context: AwsCallContext;
  private requestId = 0;

  constructor(
    private readonly lf: LakeFormationClient,
    options: AwsCallContextOptions,
  ) {
    this.context = createAwsCallContext('lakeformation', options);
  }

  listPermissions(filter: ListPermissionsFilter = {}) {
    return listPermissions(this.lf, this.context, filter);
  }

  batchGrant(entries: readonly PermissionEntry[]) {
    return batchPermissions(this.lf, this.context, 'grant', entries, () => String(++this.requestId));
  }

  batchRevoke(entries: readonly PermissionEntry[]) {
    return batchPermissions(this.lf, this.context, 'revoke', entries, () => String(++this.requestId));
  }

  /** Registered data lake locations, every page. */
  listResources(): Promise<ResourceInfo[]> {
    return collectPages(async (NextToken) => {
      const page = await this.context.call('ListResources', `locations in ${this.context.region}`, () =>
        this.lf.send(new ListResourcesCommand({ MaxResults: 100, NextToken })),
      );
      return { items: page.ResourceInfoList, next: page.NextToken };
    });
  }

  async registerResource(input: RegisterResourceRequest): Promise<void> {
    await this.context.call('RegisterResource', this.location(input.ResourceArn), () =>
      this.lf.send(new RegisterResourceCommand(input)),
    );
  }

  async updateResource(input: UpdateResourceRequest): Promise<void> {
    await this.context.call('UpdateResource', this.location(input.ResourceArn), () =>
      this.lf.send(new UpdateResourceCommand(input)),
    );
  }

  async deregisterResource(resourceArn: string): Promise<void> {
    await ignoreNotFound(() =>
      this.context.call('DeregisterResource', this.location(resourceArn), () =>
        this.lf.send(new DeregisterResourceCommand({ ResourceArn: resourceArn })),
      ),
    );
  }

  listLfTags() {
    return tags.listLfTags(this.lf, this.context);
  }

  createLfTag(key: string, values: string[]) {
    return tags.createLfTag(this.lf, this.context, key, values);
  }

  /** Adds and/or removes allowed values of an LF-Tag. */
  updateLfTag(key: string, change: { add?: string[]; remove?: string[] }) {
    return tags.updateLfTag(this.lf, this.context, key, change);
  }

  deleteLfTag(key: string) {
    return ignoreNotFound(() => tags.deleteLfTag(this.lf, this.context, key));
  }

  addLfTags(resource: Resource, pairs: readonly LFTagPair[]) {
    return tags.changeResourceLfTags(this.lf, this.context, 'add', resource, pairs, this.describe(resource));
  }

  removeLfTags(resource: Resource, pairs: readonly LFTagPair[]) {
    return tags.changeResourceLfTags(
      this.lf,
      this.context,
      'remove',
      resource,
      pairs,
      this.describe(resource),
    );
  }

  getResourceLfTags(resource: Resource) {
    return tags.getResourceLfTags(this.lf, this.context, resource, this.describe(resource));
  }

  /** Data cells filters, of one table or (without `table`) of the whole catalog. */
  listDataCellsFilters(table?: TableResource): Promise<DataCellsFilter[]> {
    return collectPages(async (NextToken) => {
      const page = await this.context.call(
        'ListDataCellsFilter',
        `data cells filters in ${this.context.region}`,
        () =>
          this.lf.send(
            new ListDataCellsFilterCommand({
              ...(table ? { Table: table } : {}),
              MaxResults: 100,
              NextToken,
            }),
          ),
      );
      return { items: page.DataCellsFilters, next: page.NextToken };
    });
  }

  async createDataCellsFilter(filter: DataCellsFilter): Promise<void> {
    await this.context.call('CreateDataCellsFilter', this.filterName(filter), () =>
      this.lf.send(new CreateDataCellsFilterCommand({ TableData: filter })),
    );
  }

  async updateDataCellsFilter(filter: DataCellsFilter): Promise<void> {
    await this.context.call('UpdateDataCellsFilter', this.filterName(filter), () =>
      this.lf.send(new UpdateDataCellsFilterCommand({ TableData: filter })),
    );
  }

  async deleteDataCellsFilter(
    filter: Pick<DataCellsFilter, 'TableCatalogId' | 'DatabaseName' | 'TableName' | 'Name'>,
  ) {
    await ignoreNotFound(() =>
      this.context.call('DeleteDataCellsFilter', this.filterName(filter), () =>
        this.lf.send(new DeleteDataCellsFilterCommand(filter)),
      ),
    );
  }

  async getDataLakeSettings(): Promise<DataLakeSettings | undefined> {
    const result = await this.context.call(
      'GetDataLakeSettings',
      `data lake settings in ${this.context.region}`,
      () => this.lf.send(new GetDataLakeSettingsCommand(catalogIdParam(this.context))),
    );
    return result.DataLakeSettings;
  }

  async putDataLakeSettings(settings: DataLakeSettings): Promise<void> {
    await this.context.call('PutDataLakeSettings', `data lake settings in ${this.context.region}`, () =>
      this.lf.send(
        new PutDataLakeSettingsCommand({ ...catalogIdParam(this.context), DataLakeSettings: settings }),
      ),
    );
  }

  /** Opt-ins of the whole catalog, or (with `resource`) on one resource, at the API's 1000 a page. */
  listOptIns(resource?: Resource): Promise<LakeFormationOptInsInfo[]> {
    return collectPages(async (NextToken) => {
      const page = await this.context.call(
        'ListLakeFormationOptIns',
        resource ? this.describe(resource) : `opt-ins in ${this.context.region}`,
        () =>
          this.lf.send(
            new ListLakeFormationOptInsCommand({
              ...(resource ? { Resource: resource } : {}),
              MaxResults: 1000,
              NextToken,
            }),
          ),
      );
      return { items: page.LakeFormationOptInsInfoList, next: page.NextToken };
    });
  }

  async createOptIn(principal: string, resource: Resource, condition?: Condition): Promise<void> {
    await this.context.call('CreateLakeFormationOptIn', this.optIn(principal, resource), () =>
      this.lf.send(
        new CreateLakeFormationOptInCommand({
          Principal: { DataLakePrincipalIdentifier: principal },
          Resource: resource,
          ...(condition ? { Condition: condition } : {}),
        }),
      ),
    );
  }

  /** Removes an opt-in; one already gone is success (replays must be idempotent). */
  async deleteOptIn(principal: string, resource: Resource, condition?: Condition): Promise<void> {
    await ignoreNotFound(() =>
      this.context.call('DeleteLakeFormationOptIn', this.optIn(principal, resource), () =>
        this.lf.send(
          new DeleteLakeFormationOptInCommand({
            Principal: { DataLakePrincipalIdentifier: principal },
            Resource: resource,
            ...(condition ? { Condition: condition } : {}),
          }),
        ),
      ),
    );
  }

  private optIn(principal: string, resource: Resource): string {
    return `opt-in of ${principal} on ${this.describe(resource)}`;
  }

  private location(arn: string | undefined): string {
    return `location ${arn ?? '(no ARN)'} in ${this.context.region}`;
  }

  private filterName(f: Pick<DataCellsFilter, 'DatabaseName' | 'TableName' | 'Name'>): string {
    return `data cells filter ${f.DatabaseName}.${f.TableName}.${f.Name} in ${this.context.region}`;
  }

  private describe(resource: Resource): string {
    return describeLfResource(resource, this.context.region);
  }
}
