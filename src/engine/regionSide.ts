import type { WriteJournal } from '../audit/writeJournal.ts';
import type { ApiCallCounter } from '../aws/callCounter.ts';
import type { GlueCatalogObjects } from '../aws/glueCatalogObjects.ts';
import type { GlueCatalogReader } from '../aws/glueCatalogReader.ts';
import type { GlueCatalogWriter } from '../aws/glueCatalogWriter.ts';
import type { LakeFormationStore } from '../aws/lakeFormationStore.ts';

/**
 * One Region of one account as lakemirror sees it: the catalog reader and writer and the Lake Formation
 * store, sharing one call counter so a report can say how many API calls each side took.
 */
export interface RegionSide {
  readonly region: string;
  readonly accountId: string;
  readonly glueReader: GlueCatalogReader;
  readonly glueWriter: GlueCatalogWriter;
  /** Partition indexes, user-defined functions and column statistics (read and written). */
  readonly glueObjects: GlueCatalogObjects;
  readonly lakeFormation: LakeFormationStore;
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
