import { type Constraint, enumShape, list, map, stringShape, structure } from '../../modelConstraints.ts';

/*
 * The constraints of the Glue API model (glue-2017-03-31) on the catalog requests lakemirror makes. Shapes:
 * NameString 1..255 single-line; DescriptionString 0..2048 multi-line; URI 1..1024 multi-line; LocationString
 * 0..2056 multi-line; FormatString 0..128; ColumnTypeString 0..131072; CommentString 0..255; TableTypeString
 * 0..255; ViewTextString 0..409600; KeyString 1..255 single-line; ParametersMapValue 0..512000.
 */

const nameString = stringShape(1, 255, 'single');
const parameters = map(stringShape(1, 255, 'single'), stringShape(0, 512000));
const locationString = stringShape(0, 2056, 'multi');

const column = structure({
  Name: nameString,
  Type: stringShape(0, 131072, 'single'),
  Comment: stringShape(0, 255, 'single'),
  Parameters: parameters,
});

const storageDescriptor = structure({
  Columns: list(column),
  Location: locationString,
  AdditionalLocations: list(locationString),
  InputFormat: stringShape(0, 128, 'single'),
  OutputFormat: stringShape(0, 128, 'single'),
  SerdeInfo: structure({ Name: nameString, SerializationLibrary: nameString, Parameters: parameters }),
  BucketColumns: list(nameString),
  SortColumns: list(structure({ Column: nameString })),
  Parameters: parameters,
});

const databaseInput = structure({
  Name: nameString,
  Description: stringShape(0, 2048, 'multi'),
  LocationUri: stringShape(1, 1024, 'multi'),
  Parameters: parameters,
});

/** ViewDefinitionInput: the ViewDialect enum, ArnString 20..2048 for the definer and sub-objects. */
const arnString = stringShape(20, 2048);
const viewDefinition = structure({
  Definer: arnString,
  Representations: list(
    structure({
      Dialect: enumShape(['REDSHIFT', 'ATHENA', 'SPARK']),
      DialectVersion: stringShape(1, 255),
      ViewOriginalText: stringShape(0, 409600),
      ValidationConnection: nameString,
    }),
  ),
  SubObjects: list(arnString),
});

const tableInput = structure({
  Name: nameString,
  Description: stringShape(0, 2048, 'multi'),
  Owner: nameString,
  StorageDescriptor: storageDescriptor,
  PartitionKeys: list(column),
  ViewOriginalText: stringShape(0, 409600),
  ViewExpandedText: stringShape(0, 409600),
  TableType: stringShape(0, 255, 'single'),
  Parameters: parameters,
  ViewDefinition: viewDefinition,
});

const partitionInput = structure({ StorageDescriptor: storageDescriptor, Parameters: parameters });

/** PartitionIndex: a name and 1.. key names; CreateTable takes at most 3 (PartitionIndexList). */
const partitionIndex = structure({ IndexName: nameString, Keys: list(nameString, { min: 1 }) });

/** UserDefinedFunctionInput: ResourceUris 0..1000, ResourceType and OwnerType enums, URI 1..1024. */
const functionInput = structure({
  FunctionName: nameString,
  ClassName: nameString,
  OwnerName: nameString,
  OwnerType: enumShape(['USER', 'ROLE', 'GROUP']),
  FunctionType: enumShape(['REGULAR_FUNCTION', 'AGGREGATE_FUNCTION', 'STORED_PROCEDURE']),
  ResourceUris: list(
    structure({ ResourceType: enumShape(['JAR', 'FILE', 'ARCHIVE']), Uri: stringShape(1, 1024, 'multi') }),
    { max: 1000 },
  ),
});

/** ColumnStatistics: the data's Type enum (ColumnStatisticsType). */
const columnStatistics = structure({
  ColumnName: nameString,
  ColumnType: stringShape(0, 20000, 'single'),
  StatisticsData: structure({
    Type: enumShape(['BOOLEAN', 'DATE', 'DECIMAL', 'DOUBLE', 'LONG', 'STRING', 'BINARY']),
  }),
});
/** GetColumnStatisticsFor*: ColumnNames 0..100 (GetColumnNamesList). */
const statisticsGet = structure({
  DatabaseName: nameString,
  TableName: nameString,
  ColumnNames: list(nameString, { max: 100 }),
});
/** UpdateColumnStatisticsFor*: ColumnStatisticsList 0..25 (UpdateColumnStatisticsList). */
const statisticsUpdate = structure({
  DatabaseName: nameString,
  TableName: nameString,
  ColumnStatisticsList: list(columnStatistics, { max: 25 }),
});

/** CatalogInput: Description 0..2048; FederatedCatalog names 1..255; AllowFullTableExternalDataAccess enum. */
const catalogInput = structure({
  Description: stringShape(0, 2048, 'multi'),
  FederatedCatalog: structure({ Identifier: stringShape(1, 512), ConnectionName: nameString }),
  Parameters: parameters,
  TargetRedshiftCatalog: structure({ CatalogArn: stringShape(1, 2048) }),
  AllowFullTableExternalDataAccess: enumShape(['True', 'False']),
});
const catalogName = stringShape(1, 255, 'single');

/** Request constraints per Glue operation. */
export const glueRequestConstraints: Record<string, Constraint> = {
  CreateCatalog: structure({ Name: catalogName, CatalogInput: catalogInput }),
  UpdateCatalog: structure({ CatalogId: catalogName, CatalogInput: catalogInput }),
  GetCatalogs: structure({ ParentCatalogId: catalogName }),
  CreateDatabase: structure({ DatabaseInput: databaseInput }),
  UpdateDatabase: structure({ Name: nameString, DatabaseInput: databaseInput }),
  CreateTable: structure({
    DatabaseName: nameString,
    TableInput: tableInput,
    PartitionIndexes: list(partitionIndex, { max: 3 }),
  }),
  CreatePartitionIndex: structure({
    DatabaseName: nameString,
    TableName: nameString,
    PartitionIndex: partitionIndex,
  }),
  DeletePartitionIndex: structure({ DatabaseName: nameString, TableName: nameString, IndexName: nameString }),
  CreateUserDefinedFunction: structure({ DatabaseName: nameString, FunctionInput: functionInput }),
  UpdateUserDefinedFunction: structure({
    DatabaseName: nameString,
    FunctionName: nameString,
    FunctionInput: functionInput,
  }),
  GetUserDefinedFunctions: structure({ DatabaseName: nameString, Pattern: nameString }),
  GetColumnStatisticsForTable: statisticsGet,
  GetColumnStatisticsForPartition: statisticsGet,
  UpdateColumnStatisticsForTable: statisticsUpdate,
  UpdateColumnStatisticsForPartition: statisticsUpdate,
  UpdateTable: structure({ DatabaseName: nameString, TableInput: tableInput }),
  CreatePartition: structure({
    DatabaseName: nameString,
    TableName: nameString,
    PartitionInput: partitionInput,
  }),
  UpdatePartition: structure({
    DatabaseName: nameString,
    TableName: nameString,
    PartitionInput: partitionInput,
  }),
  BatchCreatePartition: structure({
    DatabaseName: nameString,
    TableName: nameString,
    PartitionInputList: list(partitionInput),
  }),
  BatchUpdatePartition: structure({
    DatabaseName: nameString,
    TableName: nameString,
    Entries: list(structure({ PartitionInput: partitionInput })),
  }),
};
