import type { LocalCloud } from '@lakemirror/localcloud';
import type { LakemirrorConfig, LakemirrorConfigInput } from '../../../src/config/configSchema.ts';
import {
  createRuntime,
  type Runtime,
  type RuntimeOptions,
  runSync,
  runVerify,
} from '../../../src/ondemand/index.ts';
import { ensureEventTable } from '../../../src/realtime/index.ts';
import { demoConfig, seedDemo } from '../../support/demoSync.ts';
import { clientsFor, startTestCloud, type TestClients } from '../../support/localCloud.ts';

export const SOURCE = 'us-east-1';
export const TARGET = 'us-west-2';
export const SOURCE_BUCKET = 'lakemirror-demo-lake-use1';
export const ACCOUNT = '123456789012';
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

let tables = 0;

/**
 * The demo lake seeded in us-east-1 and synced once to us-west-2: the starting point of every real-time
 * test. Each test takes a fresh event table and clears the CloudTrail history first, so a collect window
 * holds only that test's events.
 */
export interface RealtimeLake {
  cloud: LocalCloud;
  /** Real SDK clients of the source Region (the "users" making changes). */
  source: TestClients;
  /** Real SDK clients of the target Region, to look at what was replicated. */
  target: TestClients;
  /** A config with its own fresh event table; `realtime` overrides merge with the test defaults. */
  freshConfig(overrides?: Partial<LakemirrorConfigInput>): Promise<LakemirrorConfig>;
  runtime(config: LakemirrorConfig, options?: RuntimeOptions): Runtime;
  /** verify with deleteMissing, so objects left behind in the target count as drift too. */
  verify(config: LakemirrorConfig): ReturnType<typeof runVerify>;
  stop(): Promise<void>;
}

export async function startRealtimeLake(): Promise<RealtimeLake> {
  const cloud = await startTestCloud();
  await seedDemo(cloud);
  const base = demoConfig(cloud);
  await runSync(createRuntime(base));
  return {
    cloud,
    source: clientsFor(cloud, SOURCE),
    target: clientsFor(cloud, TARGET),
    async freshConfig(overrides = {}) {
      tables += 1;
      const { realtime, ...rest } = overrides;
      const config = demoConfig(cloud, {
        realtime: {
          eventTable: `rt-events-${process.pid}-${tables}`,
          overlapMinutes: 1,
          lookbackMinutes: 1,
          maxAttempts: 3,
          ...realtime,
        },
        ...rest,
      });
      await ensureEventTable(createRuntime(config));
      await cloud.trail.clear();
      return config;
    },
    runtime: (config, options = {}) => createRuntime(config, options),
    verify: (config) => runVerify(createRuntime({ ...config, deleteMissing: true })),
    stop: () => cloud.stop(),
  };
}
