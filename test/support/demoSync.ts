import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '@lakemirror/localcloud';
import { demoLake, seedDemoLake } from '@lakemirror/localcloud';
import type { LakemirrorConfig, LakemirrorConfigInput } from '../../src/config/configSchema.ts';
import { validateConfig } from '../../src/config/loadConfig.ts';
import { clientsFor, startTestCloud } from './localCloud.ts';

/** Seeds the demo lake into the cloud's us-east-1 through the real SDK clients. */
export async function seedDemo(cloud: LocalCloud): Promise<void> {
  const clients = clientsFor(cloud, 'us-east-1');
  await seedDemoLake(clients, demoLake());
}

/** A local cloud with the demo lake seeded: what most end-to-end files start from (stop it in afterAll). */
export async function startSeededCloud(): Promise<LocalCloud> {
  const cloud = await startTestCloud();
  await seedDemo(cloud);
  return cloud;
}

/** A config replicating the demo lake from us-east-1 to us-west-2 in this cloud, snapshots in a temp dir. */
export function demoConfig(
  cloud: LocalCloud,
  overrides: Partial<LakemirrorConfigInput> = {},
): LakemirrorConfig {
  return validateConfig({
    source: { region: 'us-east-1' },
    targets: [{ region: 'us-west-2' }],
    s3Mapping: { 'lakemirror-demo-lake-use1': 'lakemirror-demo-lake-usw2' },
    snapshots: { uri: mkdtempSync(join(tmpdir(), 'lakemirror-snapshots-')) },
    audit: { uri: mkdtempSync(join(tmpdir(), 'lakemirror-audit-')) },
    localcloud: { endpoint: cloud.endpoint },
    ...overrides,
  });
}
