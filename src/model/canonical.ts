/**
 * Canonical forms of what the Glue and Lake Formation Get/List APIs return: the one place where
 * "equal" is decided. See docs/design.md, "Canonical form".
 */

export { canonicalCatalog, catalogPath } from './canonicalCatalog.ts';
export {
  canonicalColumnStatistics,
  canonicalFunction,
  canonicalPartitionIndex,
  columnStatisticsInput,
} from './canonicalCatalogObjects.ts';
export {
  canonicalDatabase,
  canonicalPartition,
  canonicalPrincipalPermissions,
  canonicalTable,
} from './canonicalGlue.ts';
export {
  canonicalDataCellsFilter,
  canonicalDataLakeSettings,
  canonicalGrant,
  canonicalLfTag,
  canonicalLfTagAssignment,
  canonicalLocation,
  canonicalOptIn,
  mergeGrants,
} from './canonicalLf.ts';
export { canonicalResource, canonicalTagExpression } from './canonicalResource.ts';
