import { type EnumRule, GLUE, LAKE_FORMATION, type StringRule, stringProblem } from './awsLimits.ts';
import type { SnapshotRecord } from './records.ts';

/** Where a record breaks a limit: the field path and the limit, e.g. `input.Description`, `… of Glue DescriptionString`. */
export interface LimitIssue {
  path: Array<string | number>;
  message: string;
}

type Spec =
  | StringRule
  | EnumRule
  | 'parameters'
  | { readonly fields: Readonly<Record<string, Spec>> }
  | { readonly each: Spec; readonly count?: { min: number; max: number } };

const fields = (f: Record<string, Spec>): Spec => ({ fields: f });
const each = (item: Spec, count?: { min: number; max: number }): Spec =>
  count ? { each: item, count } : { each: item };

// Glue (glue-2017-03-31): Column, StorageDescriptor, DatabaseInput, TableInput, PartitionInput.
const column = fields({
  Name: GLUE.name,
  Type: GLUE.columnType,
  Comment: GLUE.comment,
  Parameters: 'parameters',
});
const storageDescriptor = fields({
  Columns: each(column),
  Location: GLUE.location,
  AdditionalLocations: each(GLUE.location),
  InputFormat: GLUE.format,
  OutputFormat: GLUE.format,
  SerdeInfo: fields({ Name: GLUE.name, SerializationLibrary: GLUE.name, Parameters: 'parameters' }),
  BucketColumns: each(GLUE.name),
  SortColumns: each(fields({ Column: GLUE.name })),
  SkewedInfo: fields({ SkewedColumnNames: each(GLUE.name) }),
  Parameters: 'parameters',
});
const databaseInput = fields({
  Name: GLUE.name,
  Description: GLUE.description,
  LocationUri: GLUE.uri,
  Parameters: 'parameters',
});
const tableInput = fields({
  Name: GLUE.name,
  Description: GLUE.description,
  Owner: GLUE.name,
  StorageDescriptor: storageDescriptor,
  PartitionKeys: each(column),
  ViewOriginalText: GLUE.viewText,
  ViewExpandedText: GLUE.viewText,
  TableType: GLUE.tableType,
  Parameters: 'parameters',
});
const partitionInput = fields({ StorageDescriptor: storageDescriptor, Parameters: 'parameters' });

// Lake Formation (lakeformation-2017-03-31): Resource, DataLakePrincipal, LFTagPair, DataCellsFilter, settings.
const lfName = LAKE_FORMATION.name;
const tagExpression = fields({ TagKey: LAKE_FORMATION.tagKey, TagValues: each(LAKE_FORMATION.tagValue) });
const columnWildcard = fields({ ExcludedColumnNames: each(lfName) });
const resource = fields({
  Database: fields({ Name: lfName }),
  Table: fields({ DatabaseName: lfName, Name: lfName }),
  TableWithColumns: fields({
    DatabaseName: lfName,
    Name: lfName,
    ColumnNames: each(lfName),
    ColumnWildcard: columnWildcard,
  }),
  LFTag: tagExpression,
  LFTagPolicy: fields({ Expression: each(tagExpression) }),
  DataCellsFilter: fields({ DatabaseName: lfName, TableName: lfName, Name: lfName }),
});
const principal = fields({ DataLakePrincipalIdentifier: LAKE_FORMATION.principal });
const principalPermissions = fields({ Principal: principal, Permissions: each(LAKE_FORMATION.permission) });

const RECORD_SPECS: Record<SnapshotRecord['kind'], Spec> = {
  database: fields({ input: databaseInput }),
  table: fields({ databaseName: GLUE.name, input: tableInput }),
  partition: fields({ databaseName: GLUE.name, tableName: GLUE.name, input: partitionInput }),
  grant: fields({
    principal: LAKE_FORMATION.principal,
    resource,
    permissions: each(LAKE_FORMATION.permission),
    grantable: each(LAKE_FORMATION.permission),
  }),
  // ResourceArnString has no length limit in the model (an S3 key alone may be 1024 bytes).
  location: fields({}),
  lfTag: fields({
    key: LAKE_FORMATION.tagKey,
    values: each(LAKE_FORMATION.tagValue, LAKE_FORMATION.tagValueCount),
  }),
  lfTagAssignment: fields({
    resource,
    tags: each(fields({ key: LAKE_FORMATION.tagKey, values: each(LAKE_FORMATION.tagValue) })),
  }),
  dataCellsFilter: fields({
    filter: fields({
      DatabaseName: lfName,
      TableName: lfName,
      Name: lfName,
      RowFilter: fields({ FilterExpression: LAKE_FORMATION.predicate }),
      ColumnNames: each(lfName),
      ColumnWildcard: columnWildcard,
    }),
  }),
  partitionIndex: fields({
    databaseName: GLUE.name,
    tableName: GLUE.name,
    index: fields({ IndexName: GLUE.name, Keys: each(GLUE.name) }),
  }),
  function: fields({
    databaseName: GLUE.name,
    input: fields({
      FunctionName: GLUE.name,
      ClassName: GLUE.name,
      OwnerName: GLUE.name,
      ResourceUris: each(fields({ Uri: GLUE.uri })),
    }),
  }),
  columnStatistics: fields({
    databaseName: GLUE.name,
    tableName: GLUE.name,
    columns: each(fields({ ColumnName: GLUE.name })),
  }),
  optIn: fields({ principal: LAKE_FORMATION.principal, resource }),
  tableOptimizer: fields({ databaseName: GLUE.name, tableName: GLUE.name }),
  catalog: fields({ name: GLUE.name, input: fields({ Description: GLUE.description }) }),
  dataLakeSettings: fields({
    settings: fields({
      DataLakeAdmins: each(principal),
      ReadOnlyAdmins: each(principal),
      ExternalDataFilteringAllowList: each(principal),
      CreateDatabaseDefaultPermissions: each(principalPermissions),
      CreateTableDefaultPermissions: each(principalPermissions),
    }),
  }),
};

type Check = (value: unknown, path: Array<string | number>, out: LimitIssue[]) => void;

const issue = (out: LimitIssue[], path: Array<string | number>, message: string) =>
  out.push({ path: [...path], message });

/** Turns a spec into one check function, once at load: the walk then allocates nothing for valid records. */
function compile(spec: Spec): Check {
  if (spec === 'parameters') return checkParameters;
  if ('fields' in spec) {
    const members = Object.entries(spec.fields).map(([name, sub]) => [name, compile(sub)] as const);
    return (value, path, out) => {
      if (value === null || typeof value !== 'object') return;
      for (const [name, check] of members) {
        const member = (value as Record<string, unknown>)[name];
        if (member === undefined || member === null) continue;
        path.push(name);
        check(member, path, out);
        path.pop();
      }
    };
  }
  if ('each' in spec) {
    const item = compile(spec.each);
    const { count } = spec;
    return (value, path, out) => {
      if (!Array.isArray(value)) return;
      if (count && value.length < count.min)
        issue(
          out,
          path,
          `no values, but an LF-Tag needs ${count.min} to ${count.max} (Lake Formation TagValueList)`,
        );
      if (count && value.length > count.max)
        issue(out, path, `${value.length} values, more than the ${count.max} an LF-Tag may hold`);
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        item(value[i], path, out);
        path.pop();
      }
    };
  }
  if ('values' in spec) {
    return (value, path, out) => {
      if (typeof value === 'string' && !spec.values.includes(value))
        issue(
          out,
          path,
          `${JSON.stringify(value)} is not a ${spec.shape} (allowed: ${spec.values.join(', ')})`,
        );
    };
  }
  return (value, path, out) => {
    if (typeof value !== 'string') return;
    const problem = stringProblem(value, spec);
    if (problem) issue(out, path, problem);
  };
}

/** ParametersMap: KeyString keys, ParametersMapValue values. */
function checkParameters(value: unknown, path: Array<string | number>, out: LimitIssue[]): void {
  if (value === null || typeof value !== 'object') return;
  for (const key in value as Record<string, unknown>) {
    const entry = (value as Record<string, unknown>)[key];
    const keyProblem = stringProblem(key, GLUE.parameterKey);
    if (keyProblem) issue(out, path, `key ${shownKey(key)}: ${keyProblem}`);
    const valueProblem = typeof entry === 'string' ? stringProblem(entry, GLUE.parameterValue) : undefined;
    if (valueProblem) issue(out, [...path, key], valueProblem);
  }
}

function shownKey(key: string): string {
  const text = JSON.stringify(key);
  return text.length > 62 ? `${text.slice(0, 60)}…(${key.length} chars)` : text;
}

const CHECKS = Object.fromEntries(
  Object.entries(RECORD_SPECS).map(([kind, spec]) => [kind, compile(spec)]),
) as Record<SnapshotRecord['kind'], Check>;

/** Every limit of the API models that `record` breaks (empty for a record the API would accept). */
export function recordLimitIssues(record: SnapshotRecord): LimitIssue[] {
  const issues: LimitIssue[] = [];
  CHECKS[record.kind](record, [], issues);
  return issues;
}
