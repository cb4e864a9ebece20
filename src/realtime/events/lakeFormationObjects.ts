import { canonicalLfResource } from './lfResource.ts';
import type { ObjectRef } from './objectRef.ts';
import { type Extractor, eachEntry, glueName, type Params, record, text } from './params.ts';

type Ref = ObjectRef;

const CATALOG: Ref = { kind: 'catalog' };

const permissionsOn = (resource: unknown): Ref[] => {
  const canonical = canonicalLfResource(resource);
  return canonical ? [{ kind: 'permissions', resource: canonical }] : [];
};

const tagsOn = (resource: unknown): Ref[] => {
  const canonical = canonicalLfResource(resource);
  return canonical ? [{ kind: 'lfTagAssignment', resource: canonical }] : [];
};

const optInsOn = (resource: unknown): Ref[] => {
  const canonical = canonicalLfResource(resource);
  return canonical ? [{ kind: 'optIns', resource: canonical }] : [CATALOG];
};

const location = (arn: unknown): Ref[] => {
  const resourceArn = text(arn);
  return resourceArn ? [{ kind: 'location', resourceArn }] : [];
};

const lfTag = (key: unknown): Ref[] => {
  const tagKey = text(key);
  return tagKey ? [{ kind: 'lfTag', tagKey }] : [];
};

/** Create/Update carry `tableData`; Delete carries the same members at the top level. */
const dataCellsFilter = (p: Params | undefined): Ref[] => {
  const [database, table, name] = [glueName(p?.databaseName), glueName(p?.tableName), text(p?.name)];
  return database && table && name ? [{ kind: 'dataCellsFilter', database, table, name }] : [];
};

/** Lake Formation event name → objects, from CloudTrail's lowerCamel request members. */
export const LAKE_FORMATION_EXTRACTORS: Record<string, Extractor<Ref>> = {
  GrantPermissions: (p) => permissionsOn(p.resource),
  RevokePermissions: (p) => permissionsOn(p.resource),
  BatchGrantPermissions: (p) => eachEntry(p.entries, (e) => permissionsOn(record(e)?.resource), CATALOG),
  BatchRevokePermissions: (p) => eachEntry(p.entries, (e) => permissionsOn(record(e)?.resource), CATALOG),
  RegisterResource: (p) => location(p.resourceArn),
  DeregisterResource: (p) => location(p.resourceArn),
  UpdateResource: (p) => location(p.resourceArn),
  CreateLFTag: (p) => lfTag(p.tagKey),
  UpdateLFTag: (p) => lfTag(p.tagKey),
  DeleteLFTag: (p) => lfTag(p.tagKey),
  AddLFTagsToResource: (p) => tagsOn(p.resource),
  RemoveLFTagsFromResource: (p) => tagsOn(p.resource),
  CreateDataCellsFilter: (p) => dataCellsFilter(record(p.tableData)),
  UpdateDataCellsFilter: (p) => dataCellsFilter(record(p.tableData)),
  DeleteDataCellsFilter: (p) => dataCellsFilter(p),
  PutDataLakeSettings: () => [{ kind: 'dataLakeSettings' }],
  CreateLakeFormationOptIn: (p) => optInsOn(p.resource),
  DeleteLakeFormationOptIn: (p) => optInsOn(p.resource),
};
