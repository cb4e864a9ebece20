import type { GlueClient } from '@aws-sdk/client-glue';
import { assertMax, awsError, FakeAwsClient, page } from './fakeAwsClient.ts';

/** Deliberately small so every test pages. */
export const FAKE_PAGE_SIZE = 2;

interface FakePartition {
  Values: string[];
  [key: string]: unknown;
}

/** In-memory Glue: databases, tables, partitions; enforces batch maxima; pages by FAKE_PAGE_SIZE. */
export function createFakeGlue() {
  const databases = new Map<string, any>();
  const tables = new Map<string, any>();
  const partitions = new Map<string, FakePartition[]>();
  const tableKey = (db: string, t: string) => `${db}.${t}`;
  const findPartition = (key: string, values: string[]) =>
    (partitions.get(key) ?? []).findIndex((p) => JSON.stringify(p.Values) === JSON.stringify(values));
  const requireTable = (db: string, t: string) => {
    if (!tables.has(tableKey(db, t))) throw awsError('EntityNotFoundException', `table ${db}.${t} not found`);
    return tableKey(db, t);
  };
  /** Lets tests leave keys unprocessed on the first BatchGetPartition call. */
  const state = { unprocessedOnce: 0 };

  const fake = new FakeAwsClient({
    GetDatabases: ({ NextToken }) => {
      const p = page([...databases.values()], NextToken, FAKE_PAGE_SIZE);
      return { DatabaseList: p.items, NextToken: p.next };
    },
    GetDatabase: ({ Name }) => {
      const db = databases.get(Name);
      if (!db) throw awsError('EntityNotFoundException', `database ${Name} not found`);
      return { Database: db };
    },
    GetTables: ({ DatabaseName, NextToken, MaxResults }) => {
      assertMax('GetTables MaxResults', MaxResults ?? 0, 100);
      const list = [...tables.values()].filter((t) => t.DatabaseName === DatabaseName);
      const p = page(list, NextToken, FAKE_PAGE_SIZE);
      return { TableList: p.items, NextToken: p.next };
    },
    GetTable: ({ DatabaseName, Name }) => ({ Table: tables.get(requireTable(DatabaseName, Name)) }),
    GetPartitions: ({ DatabaseName, TableName, NextToken, MaxResults, Segment }) => {
      assertMax('GetPartitions MaxResults', MaxResults ?? 0, 1000);
      let list = partitions.get(requireTable(DatabaseName, TableName)) ?? [];
      if (Segment) list = list.filter((_, i) => i % Segment.TotalSegments === Segment.SegmentNumber);
      const p = page(list, NextToken, FAKE_PAGE_SIZE);
      return { Partitions: p.items, NextToken: p.next };
    },
    BatchGetPartition: ({ DatabaseName, TableName, PartitionsToGet }) => {
      assertMax('BatchGetPartition PartitionsToGet', PartitionsToGet.length, 1000);
      const key = requireTable(DatabaseName, TableName);
      let wanted: { Values: string[] }[] = PartitionsToGet;
      let UnprocessedKeys: { Values: string[] }[] = [];
      if (state.unprocessedOnce > 0) {
        UnprocessedKeys = wanted.slice(0, state.unprocessedOnce);
        wanted = wanted.slice(state.unprocessedOnce);
        state.unprocessedOnce = 0;
      }
      const found = wanted
        .map((w) => (partitions.get(key) ?? [])[findPartition(key, w.Values)])
        .filter(Boolean);
      return { Partitions: found, UnprocessedKeys };
    },
    CreateDatabase: ({ DatabaseInput }) => {
      if (databases.has(DatabaseInput.Name)) throw awsError('AlreadyExistsException');
      databases.set(DatabaseInput.Name, { ...DatabaseInput, CreateTime: new Date(0) });
      return {};
    },
    UpdateDatabase: ({ Name, DatabaseInput }) => {
      if (!databases.has(Name)) throw awsError('EntityNotFoundException');
      databases.set(Name, DatabaseInput);
      return {};
    },
    DeleteDatabase: ({ Name }) => {
      if (!databases.delete(Name)) throw awsError('EntityNotFoundException');
      return {};
    },
    CreateTable: ({ DatabaseName, TableInput }) => {
      tables.set(tableKey(DatabaseName, TableInput.Name), { ...TableInput, DatabaseName });
      return {};
    },
    UpdateTable: ({ DatabaseName, TableInput }) => {
      tables.set(requireTable(DatabaseName, TableInput.Name), { ...TableInput, DatabaseName });
      return {};
    },
    DeleteTable: ({ DatabaseName, Name }) => {
      tables.delete(requireTable(DatabaseName, Name));
      return {};
    },
    BatchCreatePartition: ({ DatabaseName, TableName, PartitionInputList }) => {
      assertMax('BatchCreatePartition PartitionInputList', PartitionInputList.length, 100);
      const key = requireTable(DatabaseName, TableName);
      const Errors: unknown[] = [];
      for (const input of PartitionInputList as FakePartition[]) {
        const error = input.Values.includes('bad')
          ? { ErrorCode: 'InvalidInputException', ErrorMessage: 'bad value' }
          : findPartition(key, input.Values) >= 0
            ? { ErrorCode: 'AlreadyExistsException', ErrorMessage: 'exists' }
            : undefined;
        if (error) Errors.push({ PartitionValues: input.Values, ErrorDetail: error });
        else partitions.set(key, [...(partitions.get(key) ?? []), input]);
      }
      return { Errors };
    },
    BatchUpdatePartition: ({ DatabaseName, TableName, Entries }) => {
      assertMax('BatchUpdatePartition Entries', Entries.length, 100);
      const key = requireTable(DatabaseName, TableName);
      const Errors: unknown[] = [];
      for (const entry of Entries) {
        const index = findPartition(key, entry.PartitionValueList);
        if (index < 0) {
          Errors.push({
            PartitionValueList: entry.PartitionValueList,
            ErrorDetail: { ErrorCode: 'EntityNotFoundException' },
          });
        } else (partitions.get(key) ?? [])[index] = entry.PartitionInput;
      }
      return { Errors };
    },
    BatchDeletePartition: ({ DatabaseName, TableName, PartitionsToDelete }) => {
      assertMax('BatchDeletePartition PartitionsToDelete', PartitionsToDelete.length, 25);
      const key = requireTable(DatabaseName, TableName);
      const Errors: unknown[] = [];
      for (const { Values } of PartitionsToDelete) {
        const index = findPartition(key, Values);
        if (index < 0)
          Errors.push({ PartitionValues: Values, ErrorDetail: { ErrorCode: 'EntityNotFoundException' } });
        else partitions.get(key)?.splice(index, 1);
      }
      return { Errors };
    },
  });
  return { fake, client: fake as unknown as GlueClient, databases, tables, partitions, state };
}
