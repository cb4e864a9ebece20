import { Command } from 'commander';
import { createAwsClients } from '../../aws/clientFactory.ts';
import { ENGINE_CLIENTS } from '../../aws/clients/engineClients.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { createRuntime } from '../../engine/createRuntime.ts';
import { syncExitCode } from '../../engine/syncReport.ts';
import { runSync } from '../../ondemand/runSync.ts';
import { runVerify } from '../../ondemand/runVerify.ts';
import type { CommandContext } from '../context.ts';
import { loadLocalCloud } from '../loadLocalCloud.ts';
import { renderVerifyResult } from '../render/driftText.ts';
import { stderrOutput } from '../render/progress.ts';
import { renderSyncReport } from '../render/syncReportText.ts';
import { reportError } from '../runCommand.ts';

export const DEMO_CONFIG = 'config/demo.json';

/**
 * `lakemirror demo`: the whole on-demand flow on the local cloud with no AWS account — a fresh demo lake
 * in us-east-1, replicated to us-west-2, verified, and synced again to show that nothing is left to do.
 * The local cloud's data stays under .lakemirror/ for `lakemirror verify --config config/demo.json`.
 */
export function demoCommand(ctx: CommandContext): Command {
  return new Command('demo')
    .description('replicate a seeded demo lake between two local Regions and print the report')
    .option('--config <file>', 'demo config', DEMO_CONFIG)
    .option(
      '--data-dir <dir>',
      'where the local cloud keeps its data (default: localcloud.dataDir of the config)',
    )
    .option('--json', 'print the sync report as JSON')
    .action(async (flags: { config: string; dataDir?: string; json?: boolean }) => {
      try {
        ctx.setExitCode(await runDemo(ctx, flags));
      } catch (error) {
        ctx.setExitCode(reportError(ctx, error));
      }
    });
}

async function runDemo(
  ctx: CommandContext,
  flags: { config: string; dataDir?: string; json?: boolean },
): Promise<number> {
  const config = await loadConfig(flags.config);
  const { DEFAULT_DATA_DIR, demoLake, mirrorBucket, seedDemoLake, startLocalCloud } = await loadLocalCloud();
  const dataDir = flags.dataDir ?? config.localcloud?.dataDir ?? DEFAULT_DATA_DIR;
  const endpoint = new URL(config.localcloud?.endpoint ?? 'http://127.0.0.1:4566');
  const output = stderrOutput(ctx);
  output.phase('local cloud', `starting at ${endpoint.origin} with data in ${dataDir}`);
  const cloud = await startLocalCloud({
    host: endpoint.hostname,
    port: Number(endpoint.port || 80),
    dataDir,
  });
  try {
    await cloud.reset();
    output.phase(
      'seed',
      'a demo lake in us-east-1 (databases, tables, partitions, grants, LF-Tags, filters)',
    );
    // IAM is loaded only here (the seed creates the demo's roles), not with every command.
    const { iam } = await import('../../aws/clients/iam.ts');
    const clients = createAwsClients(
      { region: config.source.region, endpoint: cloud.endpoint },
      { ...ENGINE_CLIENTS, iam },
    );
    await seedDemoLake(
      { glue: clients.glue, lakeFormation: clients.lakeFormation, iam: clients.iam, s3: clients.s3 },
      demoLake(),
    );
    // Data replication is S3's job (Cross-Region Replication); the demo stands in for it so a drill passes.
    for (const [from, to] of Object.entries(config.s3Mapping ?? {})) await mirrorBucket(clients.s3, from, to);

    const first = await runSync(createRuntime(config, { output }));
    ctx.out(flags.json ? JSON.stringify(first, null, 2) : renderSyncReport(first));
    if (syncExitCode(first) !== 0) return syncExitCode(first);

    const verified = await runVerify(createRuntime(config, { output }));
    if (!flags.json) ctx.out(`\n${renderVerifyResult(verified)}`);

    output.phase('sync again', 'a second run must change nothing');
    const second = await runSync(createRuntime(config, { output }));
    const writes = second.targets.reduce((n, t) => n + t.apiCalls.writes, 0);
    if (!flags.json) {
      ctx.out(
        `\nSecond sync: ${writes} write calls. ${writes === 0 ? 'Nothing to do: the copy is current.' : 'Unexpected writes!'}`,
      );
      ctx.out(
        `\nThe local cloud's data is in ${dataDir}. Try:\n  npx lakemirror verify --config ${flags.config}\n  npx lakemirror plan   --config ${flags.config}\n  npx lakemirror drill  --config ${flags.config} --out drill.html`,
      );
    }
    return verified.inSync && writes === 0 ? 0 : 2;
  } finally {
    await cloud.stop();
  }
}
