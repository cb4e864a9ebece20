import { resolve } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { LocalCloudCommandContext as CommandContext } from './commandContext.ts';
import { DEMO_REGION, demoLake } from './seed/demoLake.ts';
import { type SeedClients, seedDemoLake } from './seed/seedDemoLake.ts';
import { type LocalCloud, startLocalCloud } from './server.ts';

/** Where the local cloud keeps its state unless told otherwise (relative to the working directory). */
export const DEFAULT_DATA_DIR = '.lakemirror/localcloud';
/** Dummy credentials to export: the local cloud reads the account from the key and ignores the secret. */
export const LOCAL_ACCESS_KEY_ID = 'AKIALOCALCLOUD';
export const LOCAL_SECRET_ACCESS_KEY = 'localcloud';

interface ServeOptions {
  port: number;
  host: string;
  dataDir?: string;
  inMemory?: boolean;
  latencyMs?: number;
  jitterMs?: number;
  throttleRps?: number;
  faultRate?: number;
  deliveryDelayMs?: number;
  pushDelayMs?: number;
  pushDropRate?: number;
}

const integer = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
};
const fraction = (value: string): number => {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number between 0 and 1');
  return n;
};

/** Resolves on SIGINT, SIGTERM or the context's stop signal. */
function untilStopped(stop: AbortSignal | undefined): Promise<string> {
  return new Promise((done) => {
    const finish = (why: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      stop?.removeEventListener('abort', onAbort);
      done(why);
    };
    const onInt = () => finish('SIGINT');
    const onTerm = () => finish('SIGTERM');
    const onAbort = () => finish('stop');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    if (stop?.aborted) finish('stop');
    else stop?.addEventListener('abort', onAbort, { once: true });
  });
}

async function serve(options: ServeOptions, ctx: CommandContext): Promise<number> {
  const dataDir = options.inMemory ? undefined : resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const faults = {
    ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
    ...(options.jitterMs !== undefined ? { jitterMs: options.jitterMs } : {}),
    ...(options.throttleRps !== undefined ? { throttleRps: options.throttleRps } : {}),
    ...(options.faultRate !== undefined ? { faultRate: options.faultRate } : {}),
  };
  let cloud: LocalCloud;
  try {
    cloud = await startLocalCloud({
      port: options.port,
      host: options.host,
      dataDir,
      faults,
      cloudTrail: options.deliveryDelayMs !== undefined ? { deliveryDelayMs: options.deliveryDelayMs } : {},
      push: {
        ...(options.pushDelayMs !== undefined ? { delayMs: options.pushDelayMs } : {}),
        ...(options.pushDropRate !== undefined ? { dropRate: options.pushDropRate } : {}),
      },
    });
  } catch (error) {
    ctx.err(`lakemirror localcloud: ${(error as Error).message}`);
    const fix = (error as { fix?: string }).fix;
    if (fix) ctx.err(`  fix: ${fix}`);
    return 1;
  }
  ctx.out(
    `lakemirror local cloud listening on ${cloud.endpoint} (${dataDir ? `data: ${dataDir}` : 'in memory'})`,
  );
  ctx.out('Point the AWS SDK and CLI at it:');
  ctx.out(`  export AWS_ENDPOINT_URL=${cloud.endpoint}`);
  ctx.out(`  export AWS_ACCESS_KEY_ID=${LOCAL_ACCESS_KEY_ID}`);
  ctx.out(`  export AWS_SECRET_ACCESS_KEY=${LOCAL_SECRET_ACCESS_KEY}`);
  ctx.out(`  export AWS_REGION=${DEMO_REGION}`);
  ctx.out(
    `Admin API: ${cloud.endpoint}/_localcloud/health · Ctrl-C stops${dataDir ? ' (state is persisted)' : ''}.`,
  );
  const why = await untilStopped(ctx.stop);
  ctx.err(`lakemirror localcloud: ${why}, stopping`);
  await cloud.stop();
  return 0;
}

async function seed(options: { demo?: boolean; endpoint: string; region: string }, ctx: CommandContext) {
  if (!options.demo) {
    ctx.err('lakemirror localcloud seed: nothing to seed; pass --demo');
    return 1;
  }
  const config = {
    region: options.region,
    endpoint: options.endpoint,
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? LOCAL_ACCESS_KEY_ID,
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? LOCAL_SECRET_ACCESS_KEY,
    },
  };
  const [{ GlueClient }, { IAMClient }, { LakeFormationClient }, { S3Client }] = await Promise.all([
    import('@aws-sdk/client-glue'),
    import('@aws-sdk/client-iam'),
    import('@aws-sdk/client-lakeformation'),
    import('@aws-sdk/client-s3'),
  ]);
  const clients: SeedClients = {
    glue: new GlueClient(config),
    lakeFormation: new LakeFormationClient(config),
    iam: new IAMClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
  };
  try {
    const identity = await new STSClient(config).send(new GetCallerIdentityCommand({}));
    const lake = demoLake(identity.Account);
    const report = await seedDemoLake(clients, { ...lake, region: options.region });
    ctx.out(`Seeded the demo lake into ${options.endpoint} (${options.region}, account ${lake.accountId}):`);
    const kinds = new Set([...Object.keys(report.created), ...Object.keys(report.existing)]);
    for (const kind of kinds) {
      ctx.out(`  ${kind}: ${report.created[kind] ?? 0} created, ${report.existing[kind] ?? 0} already there`);
    }
    return 0;
  } catch (error) {
    const e = error as Error;
    ctx.err(`lakemirror localcloud seed: ${e.name}: ${e.message}`);
    return 1;
  }
}

/** `lakemirror localcloud [options]` and `lakemirror localcloud seed --demo`. */
export function localCloudCommand(ctx: CommandContext): Command {
  const command = new Command('localcloud')
    .description(
      'Run the local cloud: Glue, Lake Formation, CloudTrail, STS, IAM, DynamoDB and S3 on one port',
    )
    .option('--port <port>', 'port to listen on (0 picks a free one)', integer, 4566)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--data-dir <dir>', `where state persists (default ${DEFAULT_DATA_DIR})`)
    .option('--in-memory', 'keep nothing on disk')
    .option('--latency-ms <ms>', 'latency added to every call', integer)
    .option('--jitter-ms <ms>', 'random extra latency, 0..N ms', integer)
    .option(
      '--throttle-rps <n>',
      'requests a second per account, Region and service (0 = unlimited)',
      integer,
    )
    .option('--fault-rate <x>', 'fraction of calls answered with an internal error', fraction)
    .option(
      '--delivery-delay-ms <ms>',
      'CloudTrail delivery delay before LookupEvents sees an event',
      integer,
    )
    .option('--push-delay-ms <ms>', 'EventBridge delay before a call is delivered to the push queue', integer)
    .option('--push-drop-rate <x>', 'fraction of pushed events never delivered', fraction)
    .action(async (options: ServeOptions) => {
      if (options.inMemory && options.dataDir) {
        ctx.err('lakemirror localcloud: --data-dir and --in-memory exclude each other');
        ctx.setExitCode(1);
        return;
      }
      ctx.setExitCode(await serve(options, ctx));
    });
  command
    .command('seed')
    .description('Seed a running local cloud through the real SDK clients')
    .option('--demo', 'the demo lake: IAM roles, S3 bucket, databases, tables, partitions, LF-Tags, grants')
    .option(
      '--endpoint <url>',
      'local cloud endpoint',
      process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566',
    )
    .option('--region <region>', 'Region to seed', DEMO_REGION)
    .action(async (options: { demo?: boolean; endpoint: string; region: string }) => {
      ctx.setExitCode(await seed(options, ctx));
    });
  return command;
}

/** Runs `lakemirror localcloud …` on its own (argv: the arguments after `localcloud`). */
export async function runLocalCloudCommand(
  argv: string[],
  ctx: Omit<CommandContext, 'setExitCode'> = {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  },
): Promise<number> {
  let code = 0;
  const command = localCloudCommand({ ...ctx, setExitCode: (c) => (code = c) })
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s.trimEnd()), writeErr: (s) => ctx.err(s.trimEnd()) });
  for (const sub of command.commands) sub.exitOverride().configureOutput(command.configureOutput());
  try {
    await command.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
}
