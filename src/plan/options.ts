import type { ResourceLinkMapping } from './accountMapping.ts';
import type { CatalogFilterSpec } from './filters.ts';
import type { ColumnStatisticsScope } from './planCatalogObjects.ts';
import type { SkippedObject } from './planCatalogs.ts';
import type { UndecidedS3Reference } from './s3Remap.ts';

/** Everything `plan` and `planPartitions` need to know besides the two sides. */
export interface PlanOptions {
  /** Delete what the target has and the source lacks (inside the filter). Default false on demand. */
  deleteMissing: boolean;
  /** Remove admins only the target has (data lake settings); default: deleteMissing. See KindPlanOptions. */
  pruneAdmins?: boolean;
  /** `{ "source-bucket": "target-bucket" }`, applied to source records before comparing. */
  s3Mapping: Readonly<Record<string, string>>;
  /** Told of each mapped source bucket the S3 remap found but could not rewrite safely (see remapRecord). */
  onUndecidedS3Reference?: (reference: UndecidedS3Reference) => void;
  /** Which databases and tables are in scope; outside it nothing is created or deleted. */
  filter?: CatalogFilterSpec;
  /** Replicate databases, tables and partitions (with partition indexes, functions and column statistics). */
  catalog: boolean;
  /** Which column statistics to replicate; default tables only (DEFAULT_COLUMN_STATISTICS). */
  columnStatistics?: ColumnStatisticsScope;
  /** Replicate Lake Formation: settings, locations, LF-Tags and assignments, data cells filters, grants. */
  permissions: boolean;
  /** Principals never revoked or removed from admin lists. */
  protectedPrincipals?: readonly string[];
  /**
   * The accounts of the two sides. When they differ, source principals and catalog ids are rewritten with
   * `accountMapping` before comparing, and principals the mapping cannot place are reported (see planWithReport).
   */
  accounts?: { sourceAccountId: string; targetAccountId: string };
  /** Source account ID → target account ID. */
  accountMapping?: Readonly<Record<string, string>>;
  /** The source and target Regions: view sub-object ARNs naming the source Region move to the target's. */
  regions?: { source: string; target: string };
  /** Told of each view some of whose sub-object tables are outside the filters (it is still replicated). */
  onViewOutsideFilter?: (view: { key: string; tables: string[] }) => void;
  /** Catalogs besides the default one in scope (config `source.catalogs`); the reader reads only those. */
  catalogs?: '*' | readonly string[];
  /** Verify: federated catalogs on the account's own connections, missing in the target, are not drift. */
  connectionCatalogsUnknown?: boolean;
  /** Told of each source object left out on purpose (a catalog that cannot exist in the target), with why. */
  onSkipped?: (skipped: SkippedObject) => void;
  /** Where replicated resource links point (applied whatever the accounts). */
  resourceLinkMapping?: ResourceLinkMapping;
}
