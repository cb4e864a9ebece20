import type { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { assertMax, awsError, FakeAwsClient, page } from './fakeAwsClient.ts';

export const FAKE_LF_PAGE_SIZE = 2;

/** In-memory Lake Formation; principals containing 'bad' fail per entry; enforces batch maxima. */
export function createFakeLakeFormation() {
  const permissions: any[] = [];
  const resources: any[] = [];
  const lfTags = new Map<string, string[]>();
  const assignments = new Map<string, Map<string, string[]>>();
  const filters: any[] = [];
  let settings: any = { DataLakeAdmins: [] };
  const resourceKey = (r: unknown) => JSON.stringify(r);
  const perEntry = (Entries: any[], apply: (e: any) => void) => {
    assertMax('Entries', Entries.length, 20);
    const ids = new Set(Entries.map((e) => e.Id));
    if (ids.size !== Entries.length) throw awsError('InvalidInputException', 'duplicate entry Id');
    const Failures: unknown[] = [];
    for (const entry of Entries) {
      if (entry.Principal.DataLakePrincipalIdentifier.includes('bad')) {
        Failures.push({
          RequestEntry: entry,
          Error: { ErrorCode: 'InvalidInputException', ErrorMessage: 'bad principal' },
        });
      } else apply(entry);
    }
    return { Failures };
  };
  const changeTags = (Resource: unknown, LFTags: any[], add: boolean) => {
    assertMax('LFTags', LFTags.length, 50);
    const onResource = assignments.get(resourceKey(Resource)) ?? new Map<string, string[]>();
    assignments.set(resourceKey(Resource), onResource);
    const Failures: unknown[] = [];
    for (const tag of LFTags) {
      if (!lfTags.has(tag.TagKey))
        Failures.push({
          LFTag: tag,
          Error: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'no tag' },
        });
      else if (add) onResource.set(tag.TagKey, tag.TagValues);
      else onResource.delete(tag.TagKey);
    }
    return { Failures };
  };

  const fake = new FakeAwsClient({
    ListPermissions: ({ NextToken, Principal }) => {
      const list = permissions.filter(
        (p) =>
          !Principal || p.Principal.DataLakePrincipalIdentifier === Principal.DataLakePrincipalIdentifier,
      );
      const p = page(list, NextToken, FAKE_LF_PAGE_SIZE);
      return { PrincipalResourcePermissions: p.items, NextToken: p.next };
    },
    BatchGrantPermissions: ({ Entries }) =>
      perEntry(Entries, (e) => permissions.push({ ...e, Id: undefined })),
    BatchRevokePermissions: ({ Entries }) => perEntry(Entries, () => undefined),
    ListResources: ({ NextToken }) => {
      const p = page(resources, NextToken, FAKE_LF_PAGE_SIZE);
      return { ResourceInfoList: p.items, NextToken: p.next };
    },
    RegisterResource: (input) => {
      resources.push({ ResourceArn: input.ResourceArn, RoleArn: input.RoleArn });
      return {};
    },
    DeregisterResource: ({ ResourceArn }) => {
      const index = resources.findIndex((r) => r.ResourceArn === ResourceArn);
      if (index < 0) throw awsError('EntityNotFoundException');
      resources.splice(index, 1);
      return {};
    },
    ListLFTags: ({ NextToken }) => {
      const list = [...lfTags].map(([TagKey, TagValues]) => ({ TagKey, TagValues }));
      const p = page(list, NextToken, FAKE_LF_PAGE_SIZE);
      return { LFTags: p.items, NextToken: p.next };
    },
    CreateLFTag: ({ TagKey, TagValues }) => {
      lfTags.set(TagKey, TagValues);
      return {};
    },
    UpdateLFTag: ({ TagKey, TagValuesToAdd = [], TagValuesToDelete = [] }) => {
      const values = (lfTags.get(TagKey) ?? []).filter((v) => !TagValuesToDelete.includes(v));
      lfTags.set(TagKey, [...values, ...TagValuesToAdd]);
      return {};
    },
    DeleteLFTag: ({ TagKey }) => {
      if (!lfTags.delete(TagKey)) throw awsError('EntityNotFoundException');
      return {};
    },
    AddLFTagsToResource: ({ Resource, LFTags }) => changeTags(Resource, LFTags, true),
    RemoveLFTagsFromResource: ({ Resource, LFTags }) => changeTags(Resource, LFTags, false),
    GetResourceLFTags: ({ Resource, ShowAssignedLFTags }) => {
      if (!ShowAssignedLFTags) throw awsError('InvalidInputException', 'test expects ShowAssignedLFTags');
      const tags = [...(assignments.get(resourceKey(Resource)) ?? [])].map(([TagKey, TagValues]) => ({
        TagKey,
        TagValues,
      }));
      return { LFTagsOnTable: tags };
    },
    ListDataCellsFilter: ({ NextToken }) => {
      const p = page(filters, NextToken, FAKE_LF_PAGE_SIZE);
      return { DataCellsFilters: p.items, NextToken: p.next };
    },
    CreateDataCellsFilter: ({ TableData }) => {
      filters.push(TableData);
      return {};
    },
    UpdateDataCellsFilter: ({ TableData }) => {
      const index = filters.findIndex((f) => f.Name === TableData.Name);
      filters[index] = TableData;
      return {};
    },
    DeleteDataCellsFilter: ({ Name }) => {
      const index = filters.findIndex((f) => f.Name === Name);
      if (index < 0) throw awsError('EntityNotFoundException');
      filters.splice(index, 1);
      return {};
    },
    GetDataLakeSettings: () => ({ DataLakeSettings: settings }),
    PutDataLakeSettings: ({ DataLakeSettings }) => {
      settings = DataLakeSettings;
      return {};
    },
  });
  return { fake, client: fake as unknown as LakeFormationClient, permissions, resources, lfTags, filters };
}
