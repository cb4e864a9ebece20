import { type Constraint, enumShape, list, stringShape, structure } from '../../modelConstraints.ts';
import { PERMISSIONS } from './permissions.ts';

/*
 * The constraints of the Lake Formation API model (lakeformation-2017-03-31) on the requests lakemirror makes:
 * NameString 1..255 single-line; DataLakePrincipalString 1..255; LFTagKey 1..128 and LFTagValue 0..256 with
 * their patterns; PredicateString 0..2048 multi-line; the Permission enum.
 */

const nameString = stringShape(1, 255, 'single');
const principal = structure({ DataLakePrincipalIdentifier: stringShape(1, 255) });
const tagKey = stringShape(1, 128, {
  text: '^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@%]*)$',
  regex: /^[\p{L}\p{Z}\p{N}_.:/=+\-@%]*$/u,
});
const tagValue = stringShape(0, 256, {
  text: '^([\\p{L}\\p{Z}\\p{N}_.:\\*\\/=+\\-@%]*)$',
  regex: /^[\p{L}\p{Z}\p{N}_.:*/=+\-@%]*$/u,
});
const tagPair = structure({ TagKey: tagKey, TagValues: list(tagValue) });

const resource = structure({
  Database: structure({ Name: nameString }),
  Table: structure({ DatabaseName: nameString, Name: nameString }),
  TableWithColumns: structure({ DatabaseName: nameString, Name: nameString, ColumnNames: list(nameString) }),
  DataCellsFilter: structure({ DatabaseName: nameString, TableName: nameString, Name: nameString }),
  LFTag: tagPair,
  LFTagPolicy: structure({ Expression: list(tagPair) }),
});

const permissions = list(enumShape([...PERMISSIONS]));
const permissionsRequest = structure({
  Principal: principal,
  Resource: resource,
  Permissions: permissions,
  PermissionsWithGrantOption: permissions,
});

const tableData = structure({
  DatabaseName: nameString,
  TableName: nameString,
  Name: nameString,
  RowFilter: structure({ FilterExpression: stringShape(0, 2048, 'multi') }),
  ColumnNames: list(nameString),
});

const principals = list(principal);

/** Request constraints per Lake Formation operation. */
export const lakeFormationRequestConstraints: Record<string, Constraint> = {
  GrantPermissions: permissionsRequest,
  RevokePermissions: permissionsRequest,
  BatchGrantPermissions: structure({ Entries: list(permissionsRequest) }),
  BatchRevokePermissions: structure({ Entries: list(permissionsRequest) }),
  CreateLFTag: structure({ TagKey: tagKey, TagValues: list(tagValue) }),
  UpdateLFTag: structure({ TagKey: tagKey, TagValuesToAdd: list(tagValue) }),
  AddLFTagsToResource: structure({ Resource: resource, LFTags: list(tagPair) }),
  CreateDataCellsFilter: structure({ TableData: tableData }),
  UpdateDataCellsFilter: structure({ TableData: tableData }),
  CreateLakeFormationOptIn: structure({ Principal: principal, Resource: resource }),
  DeleteLakeFormationOptIn: structure({ Principal: principal, Resource: resource }),
  ListLakeFormationOptIns: structure({ Principal: principal, Resource: resource }),
  PutDataLakeSettings: structure({
    DataLakeSettings: structure({
      DataLakeAdmins: principals,
      ReadOnlyAdmins: principals,
      CreateDatabaseDefaultPermissions: list(structure({ Principal: principal })),
      CreateTableDefaultPermissions: list(structure({ Principal: principal })),
    }),
  }),
};
