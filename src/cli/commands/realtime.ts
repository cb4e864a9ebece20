import { Command, Option } from 'commander';
import type { Runtime } from '../../engine/runtime.ts';
import { LakemirrorError } from '../../model/errors.ts';
import {
  collectOnce,
  createPushWatcher,
  ensureEventTable,
  type PushTickReport,
  replayExitCode,
  replayOnce,
  runOnce,
} from '../../realtime/index.ts';
import { collectSummary, pushTickSummary, reconcileSummary, replaySummary } from '../../realtime/summary.ts';
import type { CommandContext } from '../context.ts';
import { type RuntimeFlags, withRuntime } from '../runCommand.ts';
import { configCommand } from './common.ts';

interface RealtimeFlags extends RuntimeFlags {
  confirm?: boolean;
}

/** The shortest pause `watch` accepts: back-to-back runs would page CloudTrail without end. */
const MIN_INTERVAL_MS = 1000;

/** `60s`, `5m`, `1h`, or plain seconds; at least one second. */
export function parseInterval(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match?.[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  const ms = match ? Number(match[1]) * unit : Number.NaN;
  if (ms >= MIN_INTERVAL_MS) return ms;
  throw new LakemirrorError({
    code: 'flags.interval',
    source: 'user',
    object: `--interval ${text}`,
    message: match
      ? `--interval ${text} is shorter than 1 second`
      : `'${text}' is not an interval; allowed: e.g. 30s, 5m, 1h`,
    fix: 'pass --interval of at least 1s, e.g. 60s or 5m',
  });
}

function print(ctx: CommandContext, json: boolean | undefined, report: unknown, lines: () => string[]) {
  if (json) ctx.out(JSON.stringify(report));
  else for (const line of lines()) ctx.out(line);
}

async function runOnceAndPrint(runtime: Runtime, flags: RealtimeFlags, ctx: CommandContext) {
  const report = await runOnce(runtime, { confirm: flags.confirm ?? false });
  print(ctx, flags.json, report, () => [
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

type WatchFlags = RealtimeFlags & { interval: string; capture?: 'lookup' | 'push' };

async function watch(runtime: Runtime, flags: WatchFlags, ctx: CommandContext) {
  if ((flags.capture ?? runtime.config.realtime.capture) === 'push') return watchPush(runtime, flags, ctx);
  return untilInterrupted(runtime, flags, ctx, () => runOnceAndPrint(runtime, flags, ctx), true);
}

/** Push capture: long-poll, stage, replay at once; the lookup runs every realtime.lookupEveryMinutes. */
async function watchPush(runtime: Runtime, flags: WatchFlags, ctx: CommandContext): Promise<number> {
  // The interval is the long-poll wait here: SQS answers as soon as a message arrives, at most 20 s.
  const waitSeconds = Math.min(20, Math.max(1, Math.ceil(parseInterval(flags.interval) / 1000)));
  const watcher = await createPushWatcher(runtime, { confirm: flags.confirm ?? false, waitSeconds });
  const tick = async () => {
    const report: PushTickReport = await watcher.tick();
    if (report.received > 0 || report.lookup || report.replay || report.deadLetters > 0)
      print(ctx, flags.json, report, () => pushTickSummary(report));
    return report.replay ? replayExitCode(report.replay) : 0;
  };
  return untilInterrupted(runtime, flags, ctx, tick, false);
}

/**
 * Runs `tick` until Ctrl-C or the context's stop signal, pausing `--interval` after each tick when `paced`
 * (the push watcher's long poll is its own pace). A failing tick is reported and retried after the interval.
 * Answers the exit code of the last tick (1 after a failure).
 */
async function untilInterrupted(
  runtime: Runtime,
  flags: WatchFlags,
  ctx: CommandContext,
  tick: () => Promise<number>,
  paced: boolean,
): Promise<number> {
  const interval = parseInterval(flags.interval);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  ctx.stop?.addEventListener('abort', onSignal, { once: true });
  let code = 0;
  try {
    while (!stop.signal.aborted) {
      try {
        code = await tick();
        if (paced) await pause(interval, stop.signal);
      } catch (error) {
        runtime.output.warn(
          'realtime.watchRetry',
          `realtime watch: ${(error as Error).message}; retrying in ${flags.interval}`,
        );
        code = 1;
        await pause(interval, stop.signal);
      }
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
  return code;
}

const CONFIRM = 'apply even if the mass-change circuit breaker trips';

/**
 * `lakemirror realtime init | collect | replay | run-once | watch`: the near-real-time mode, with the common flags
 * of every config command. Exit codes: 0 ok, 1 error (usage too), 2 circuit breaker tripped (nothing
 * applied; `--confirm` applies), 3 some events failed for good.
 */
export function realtime(ctx: CommandContext): Command {
  const command = new Command('realtime').description(
    'Near-real-time replication: stage CloudTrail events, then reconcile the objects they name',
  );
  command.addCommand(
    configCommand(
      'init',
      'Create the event table (local or self-hosted use; the CDK app creates it in AWS)',
    ).action((flags: RealtimeFlags) =>
      withRuntime(ctx, flags, async (runtime) => {
        const result = await ensureEventTable(runtime);
        const { eventTable } = runtime.config.realtime;
        print(ctx, flags.json, { table: eventTable, ...result }, () => [
          `event table ${eventTable} in ${runtime.config.source.region}: ${result.created ? 'created' : 'already there'} (TTL ${result.ttl})`,
        ]);
        return 0;
      }),
    ),
  );
  command.addCommand(
    configCommand('collect', 'Read CloudTrail since the checkpoint and stage the events').action(
      (flags: RealtimeFlags) =>
        withRuntime(ctx, flags, async (runtime) => {
          const report = await collectOnce(runtime);
          print(ctx, flags.json, report, () => collectSummary(report));
          return 0;
        }),
    ),
  );
  command.addCommand(
    configCommand('replay', 'Reconcile the objects of the pending events in every target')
      .option('--confirm', CONFIRM)
      .action((flags: RealtimeFlags) =>
        withRuntime(ctx, flags, async (runtime) => {
          const report = await replayOnce(runtime, { confirm: flags.confirm ?? false });
          print(ctx, flags.json, report, () => replaySummary(report));
          return replayExitCode(report);
        }),
      ),
  );
  command.addCommand(
    configCommand('run-once', 'collect, then replay')
      .option('--confirm', CONFIRM)
      .action((flags: RealtimeFlags) =>
        withRuntime(ctx, flags, (runtime) => runOnceAndPrint(runtime, flags, ctx)),
      ),
  );
  command.addCommand(
    configCommand('watch', 'run-once every interval until interrupted (Ctrl-C)')
      .option(
        '--interval <duration>',
        'time between runs (at least 1s), e.g. 60s or 5m (push: the long-poll wait, ≤ 20 s)',
        '60s',
      )
      .addOption(
        new Option(
          '--capture <path>',
          'lookup: CloudTrail every interval; push: the SQS queue, lookup as backstop',
        ).choices(['lookup', 'push']),
      )
      .option('--confirm', CONFIRM)
      .action((flags: WatchFlags) =>
        withRuntime(
          ctx,
          flags,
          (runtime) => watch(runtime, flags, ctx),
          () => parseInterval(flags.interval),
        ),
      ),
  );
  return command;
}
