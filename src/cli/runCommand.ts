import type { LakemirrorConfig } from '../config/configSchema.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { isLakemirrorError } from '../model/errors.ts';
import { createRuntime, type Runtime } from '../ondemand/runtime.ts';
import type { CommandContext } from './context.ts';
import { ensureLocalCloud } from './embeddedCloud.ts';
import { stderrOutput } from './render/progress.ts';

export interface RuntimeFlags {
  config: string;
  profile?: string;
  region?: string;
  endpoint?: string;
  /** Overrides the config's snapshots.uri (`snapshot --out`). */
  snapshots?: string;
}

/** Prints an error the way users need it: what, which object, how to fix; returns the exit code (1). */
export function reportError(ctx: CommandContext, error: unknown): number {
  if (isLakemirrorError(error)) {
    ctx.err(`error: ${error.message}`);
    if (error.object) ctx.err(`  object: ${error.object}`);
    if (error.fix) ctx.err(`  fix: ${error.fix}`);
    ctx.err(`  code: ${error.code}`);
    if (error.source === 'internal')
      ctx.err('  this is a bug in lakemirror; please report it with the command you ran');
  } else {
    ctx.err(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  return 1;
}

/**
 * Loads the config, applies `--region` (source Region) and `--endpoint`, starts the embedded local cloud if
 * the config needs one, runs the command and maps failures to exit code 1.
 */
export async function withRuntime(
  ctx: CommandContext,
  flags: RuntimeFlags,
  body: (runtime: Runtime, config: LakemirrorConfig) => Promise<number>,
): Promise<void> {
  let stopCloud: (() => Promise<void>) | undefined;
  try {
    const loaded = await loadConfig(flags.config);
    let config: LakemirrorConfig = flags.region
      ? { ...loaded, source: { ...loaded.source, region: flags.region } }
      : loaded;
    if (flags.snapshots) config = { ...config, snapshots: { ...config.snapshots, uri: flags.snapshots } };
    const cloud = flags.endpoint ? undefined : await ensureLocalCloud(config);
    if (cloud) {
      ctx.err(`started the local cloud at ${cloud.endpoint} (data in ${cloud.dataDir}) for this command`);
      stopCloud = () => cloud.stop();
    }
    const runtime = createRuntime(config, {
      ...(flags.profile ? { profile: flags.profile } : {}),
      ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
      output: stderrOutput(ctx),
    });
    ctx.setExitCode(await body(runtime, config));
  } catch (error) {
    ctx.setExitCode(reportError(ctx, error));
  } finally {
    await stopCloud?.();
  }
}
