import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '@lakemirror/localcloud';
import { FileSnapshotStore } from '../../src/aws/fileSnapshotStore.ts';
import type { LakemirrorConfigInput } from '../../src/config/configSchema.ts';
import { validateConfig } from '../../src/config/loadConfig.ts';
import { createRuntime } from '../../src/engine/createRuntime.ts';
import { takeSnapshot } from '../../src/engine/takeSnapshot.ts';
import { parseSnapshotText } from '../../src/model/snapshotParser.ts';
import { stableStringify } from '../../src/model/stableStringify.ts';

/** A demo config written to a file (for the CLI) in a fresh directory that also holds snapshots and the audit log. */
export function demoConfigFile(
  cloud: LocalCloud,
  overrides: Partial<LakemirrorConfigInput> = {},
  dir = mkdtempSync(join(tmpdir(), 'lakemirror-reliability-')),
) {
  const input: LakemirrorConfigInput = {
    source: { region: 'us-east-1' },
    targets: [{ region: 'us-west-2' }],
    s3Mapping: { 'lakemirror-demo-lake-use1': 'lakemirror-demo-lake-usw2' },
    snapshots: { uri: join(dir, 'snapshots') },
    audit: { uri: join(dir, 'audit') },
    localcloud: { endpoint: cloud.endpoint },
    ...overrides,
  };
  const path = join(dir, `config-${Math.random().toString(36).slice(2, 8)}.json`);
  writeFileSync(path, JSON.stringify(input, null, 2));
  return { path, dir, config: validateConfig(input) };
}

/** Every record of one Region of the cloud, canonical, one string each (header and times left out). */
export async function regionRecords(cloud: LocalCloud, region: string): Promise<string[]> {
  const { config } = demoConfigFile(cloud, { targets: [{ region }], source: { region: 'eu-west-3' } });
  const runtime = createRuntime(config);
  const side = await runtime.target(config.targets[0]!);
  const store = new FileSnapshotStore(mkdtempSync(join(tmpdir(), 'lakemirror-compare-')));
  const taken = await takeSnapshot(side, {
    scope: { catalog: true, permissions: true },
    store,
    tool: 'test',
  });
  return parseSnapshotText(readFileSync(taken.uri, 'utf8')).records.map((r) => stableStringify(r));
}
