import type { WriteJournal } from '../audit/writeJournal.ts';
import type { ApiCallCounter } from '../aws/callCounter.ts';
import type { CatalogObjects } from './ports/catalogObjects.ts';
import type { CatalogReader } from './ports/catalogReader.ts';
import type { CatalogWriter } from './ports/catalogWriter.ts';
import type { PermissionStore } from './ports/permissionStore.ts';

/**
 * One Region of one account as lakemirror sees it: the catalog reader and writer and the Lake Formation
 * store, sharing one call counter so a report can say how many API calls each side took. The members are
 * ports (`ports/`): the runtime fills them with the AWS adapters of `src/aws`, orchestration tests may fill
 * them with the in-memory ones (`test/support/memory/`).
 */
export interface RegionSide {
  readonly region: string;
  readonly accountId: string;
  readonly glueReader: CatalogReader;
  readonly glueWriter: CatalogWriter;
  /** Partition indexes, user-defined functions and column statistics (read and written). */
  readonly glueObjects: CatalogObjects;
  readonly lakeFormation: PermissionStore;
  readonly counter: ApiCallCounter;
  /**
   * The ARN the credentials act as (STS GetCallerIdentity), e.g. an assumed-role session; absent when it
   * could not be read. A target run protects it from being revoked or removed from the admins.
   */
  readonly callerArn?: string;
  /** Concurrent requests per adapter (config `concurrency`). */
  readonly concurrency: number;
  /** The run's audit journal: every write call to this side records an intent before and an outcome after. */
  readonly journal?: WriteJournal;
}
