import { Command } from 'commander';
import { loadConfig } from '../../config/loadConfig.ts';
import { isLakemirrorError } from '../../model/errors.ts';
import { createRuntime, type Runtime } from '../../ondemand/runtime.ts';
import { collectOnce, ensureEventTable, replayExitCode, replayOnce, runOnce } from '../../realtime/index.ts';
import { collectSummary, reconcileSummary, replaySummary } from '../../realtime/summary.ts';
import type { CommandContext } from '../context.ts';

interface CommonOptions {
  config: string;
  json?: boolean;
}

const DEFAULT_CONFIG = 'lakemirror.yaml';

/** `60s`, `5m`, `500ms`, `1h`, or plain seconds. */
export function parseInterval(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new Error(`'${text}' is not an interval; allowed: e.g. 30s, 5m, 500ms`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}

async function openRuntime(options: CommonOptions, ctx: CommandContext): Promise<Runtime> {
  const config = await loadConfig(options.config);
  return createRuntime(config, {
    output: { phase() {}, info: (m) => ctx.err(m), warn: (m) => ctx.err(`warning: ${m}`) },
  });
}

/** Runs one command body, rendering errors: exit 1 for any error (the report-derived codes come from `body`). */
async function run(ctx: CommandContext, body: () => Promise<number>): Promise<void> {
  try {
    ctx.setExitCode(await body());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.err(`lakemirror realtime: ${isLakemirrorError(error) ? `${error.code}: ` : ''}${message}`);
    if (isLakemirrorError(error) && error.fix) ctx.err(`  fix: ${error.fix}`);
    ctx.setExitCode(1);
  }
}

function print(ctx: CommandContext, json: boolean | undefined, report: unknown, lines: () => string[]) {
  if (json) ctx.out(JSON.stringify(report));
  else for (const line of lines()) ctx.out(line);
}

async function runOnceAndPrint(
  runtime: Runtime,
  options: CommonOptions & { confirm?: boolean },
  ctx: CommandContext,
) {
  const report = await runOnce(runtime, { confirm: options.confirm ?? false });
  print(ctx, options.json, report, () => [
    ...collectSummary(report.collect),
    ...reconcileSummary(report.reconcile),
    ...replaySummary(report.replay),
  ]);
  return replayExitCode(report.replay);
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

async function watch(options: CommonOptions & { interval: string; confirm?: boolean }, ctx: CommandContext) {
  const interval = parseInterval(options.interval);
  const runtime = await openRuntime(options, ctx);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  ctx.stop?.addEventListener('abort', onSignal, { once: true });
  let code = 0;
  try {
    while (!stop.signal.aborted) {
      try {
        code = await runOnceAndPrint(runtime, options, ctx);
      } catch (error) {
        ctx.err(`lakemirror realtime watch: ${(error as Error).message}; retrying in ${options.interval}`);
        code = 1;
      }
      await pause(interval, stop.signal);
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
  return code;
}

/**
 * `lakemirror realtime init | collect | replay | run-once | watch`: the near-real-time mode. Exit codes: 0 ok,
 * 1 error, 2 circuit breaker tripped (nothing applied; `--confirm` applies), 3 some events failed for good.
 */
export function realtime(ctx: CommandContext): Command {
  const command = new Command('realtime').description(
    'Near-real-time replication: stage CloudTrail events, then reconcile the objects they name',
  );
  const common = (sub: Command) =>
    sub
      .option('--config <file>', 'config file (JSON or YAML)', DEFAULT_CONFIG)
      .option('--json', 'print the report as JSON instead of a summary');
  command.addCommand(
    common(
      new Command('init').description(
        'Create the event table (local or self-hosted use; the CDK app creates it in AWS)',
      ),
    ).action((options: CommonOptions) =>
      run(ctx, async () => {
        const runtime = await openRuntime(options, ctx);
        const result = await ensureEventTable(runtime);
        const { eventTable } = runtime.config.realtime;
        print(ctx, options.json, { table: eventTable, ...result }, () => [
          `event table ${eventTable} in ${runtime.config.source.region}: ${result.created ? 'created' : 'already there'} (TTL ${result.ttl})`,
        ]);
        return 0;
      }),
    ),
  );
  command.addCommand(
    common(
      new Command('collect').description('Read CloudTrail since the checkpoint and stage the events'),
    ).action((options: CommonOptions) =>
      run(ctx, async () => {
        const report = await collectOnce(await openRuntime(options, ctx));
        print(ctx, options.json, report, () => collectSummary(report));
        return 0;
      }),
    ),
  );
  command.addCommand(
    common(new Command('replay').description('Reconcile the objects of the pending events in every target'))
      .option('--confirm', 'apply even if the mass-change circuit breaker trips')
      .action((options: CommonOptions & { confirm?: boolean }) =>
        run(ctx, async () => {
          const report = await replayOnce(await openRuntime(options, ctx), {
            confirm: options.confirm ?? false,
          });
          print(ctx, options.json, report, () => replaySummary(report));
          return replayExitCode(report);
        }),
      ),
  );
  command.addCommand(
    common(new Command('run-once').description('collect, then replay'))
      .option('--confirm', 'apply even if the mass-change circuit breaker trips')
      .action((options: CommonOptions & { confirm?: boolean }) =>
        run(ctx, async () => runOnceAndPrint(await openRuntime(options, ctx), options, ctx)),
      ),
  );
  command.addCommand(
    common(new Command('watch').description('run-once every interval until interrupted (Ctrl-C)'))
      .option('--interval <duration>', 'time between runs, e.g. 60s or 5m', '60s')
      .option('--confirm', 'apply even if the mass-change circuit breaker trips')
      .action((options: CommonOptions & { interval: string; confirm?: boolean }) =>
        run(ctx, () => watch(options, ctx)),
      ),
  );
  return command;
}
