import type { SnapshotRecord } from '../model/records.ts';

/**
 * The part of a record an update compares and reports, so change paths read like the AWS API
 * (`StorageDescriptor.Location`, not `input.StorageDescriptor.Location`).
 */
export function payloadOf(record: SnapshotRecord): unknown {
  switch (record.kind) {
    case 'database':
    case 'table':
    case 'partition':
    case 'function':
      return record.input;
    case 'dataCellsFilter':
      return record.filter;
    case 'dataLakeSettings':
      return record.settings;
    default: {
      const { kind: _kind, ...rest } = record;
      return rest;
    }
  }
}
