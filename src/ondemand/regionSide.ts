import type { ApiCallCounter } from '../aws/callCounter.ts';
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
  readonly lakeFormation: LakeFormationStore;
  readonly counter: ApiCallCounter;
  /** Concurrent requests per adapter (config `concurrency`). */
  readonly concurrency: number;
  /** The caller identity ARN (STS GetCallerIdentity, asked once on first use), for the audit log. */
  readonly callerArn?: () => Promise<string>;
}
