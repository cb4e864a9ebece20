import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '@lakemirror/localcloud';
import { type GeneratedLake, generateLake } from '../../bench/generateLake.ts';
import { LAKE_SIZES } from '../../bench/lakeSizes.ts';
import { loadLakeIntoCloud } from '../../bench/loadLake.ts';
import { startTestCloud } from '../support/localCloud.ts';

/** A generated lake of a few thousand partitions in a local cloud, and a config file to sync it with. */
export async function progressLake(): Promise<{
  cloud: LocalCloud;
  config: string;
  dir: string;
  lake: GeneratedLake;
}> {
  // A little latency per call, so a sync lasts long enough to show several progress frames.
  const cloud = await startTestCloud({ faults: { latencyMs: 5 } });
  const lake = generateLake(
    { ...LAKE_SIZES.tiny, databases: 3, tables: 40, partitions: 4000, grants: 60 },
    5,
  );
  loadLakeIntoCloud(cloud, 'us-east-1', lake);
  const dir = mkdtempSync(join(tmpdir(), 'lakemirror-progress-'));
  const config = join(dir, 'lakemirror.json');
  writeFileSync(
    config,
    JSON.stringify({
      source: { region: 'us-east-1', accountId: lake.accountId },
      targets: [{ region: 'us-west-2' }],
      snapshots: { uri: join(dir, 'snapshots') },
      audit: { uri: join(dir, 'audit') },
      localcloud: { endpoint: cloud.endpoint },
    }),
  );
  return { cloud, config, dir, lake };
}
