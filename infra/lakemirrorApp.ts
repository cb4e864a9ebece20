import { type App, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

import type { LakemirrorConfig } from '../src/config/configSchema.ts';
import { OnDemandStack } from './stacks/onDemandStack.ts';
import { RealtimeStack } from './stacks/realtimeStack.ts';
import { SharedStack } from './stacks/sharedStack.ts';

export interface LakemirrorStacks {
  shared: SharedStack;
  onDemand: OnDemandStack;
  realtime: RealtimeStack;
}

export interface LakemirrorAppOptions {
  /** Stack name prefix (default `Lakemirror`), so two configs can be deployed side by side. */
  prefix?: string;
  /** Run the cdk-nag AWS Solutions pack on every stack (default true). */
  nag?: boolean;
}

/**
 * The three stacks, all in the source Region (the account too when the config names it; otherwise
 * the deploying credentials decide). Nothing is looked up, so `cdk synth` works offline.
 */
export function buildLakemirrorApp(
  app: App,
  config: LakemirrorConfig,
  options: LakemirrorAppOptions = {},
): LakemirrorStacks {
  const prefix = options.prefix ?? 'Lakemirror';
  const env: Environment = {
    region: config.source.region,
    ...(config.source.accountId ? { account: config.source.accountId } : {}),
  };
  const description = 'lakemirror: Glue Data Catalog and Lake Formation DR replication';
  const shared = new SharedStack(app, `${prefix}-Shared`, {
    env,
    config,
    namePrefix: prefix.toLowerCase(),
    description: `${description} (snapshot bucket, config)`,
  });
  const common = { env, config, deployedConfig: shared.deployedConfig };
  const onDemand = new OnDemandStack(app, `${prefix}-OnDemand`, {
    ...common,
    snapshots: shared.snapshots,
    description: `${description} (on-demand job)`,
  });
  const realtime = new RealtimeStack(app, `${prefix}-Realtime`, {
    ...common,
    onDemandAdminRoles: onDemand.targetAdminRoles,
    description: `${description} (near-real-time)`,
  });
  onDemand.addStackDependency(shared, 'reads the deployed config and the snapshot bucket');
  realtime.addStackDependency(shared, 'reads the deployed config');
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));

  return { shared, onDemand, realtime };
}
