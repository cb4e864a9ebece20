import type { LakemirrorConfig } from '../config/configSchema.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { createRuntime } from '../engine/createRuntime.ts';
import type { Runtime } from '../engine/runtime.ts';
import type { CommonFlags } from './commands/common.ts';
import type { CommandContext } from './context.ts';
import { ensureLocalCloud } from './embeddedCloud.ts';
import { assertProfileExists } from './flags/profiles.ts';
import { assertRegionFlag, scopeConfig } from './flags/scopeConfig.ts';
import { renderError } from './render/errorText.ts';
import { progressOutput } from './render/progress.ts';

export interface RuntimeFlags extends CommonFlags {
  /** Overrides the config's snapshots.uri (`snapshot --out`, `plan --out`). */
  snapshots?: string;
  /** Filters that match nothing are errors, not warnings. */
  strict?: boolean;
}

/** Prints an error the way users need it: what, which object, how to fix; returns the exit code (1). */
export function reportError(ctx: CommandContext, error: unknown): number {
  for (const line of renderError(error)) ctx.err(line);
  return 1;
}

/**
 * Checks and applies the common flags (see commands/common.ts), starts the embedded local cloud if the
 * config needs one, runs the command and maps failures to exit code 1. `check` runs after the flags are
 * validated and before anything is read (a command's own flags, e.g. `--out`).
 */
export async function withRuntime(
  ctx: CommandContext,
  flags: RuntimeFlags,
  body: (runtime: Runtime, config: LakemirrorConfig) => Promise<number>,
  check?: () => void,
): Promise<void> {
  let stopCloud: (() => Promise<void>) | undefined;
  const output = progressOutput(ctx, { quiet: flags.quiet === true });
  try {
    assertRegionFlag(flags.region);
    assertProfileExists(flags.profile);
    check?.();
    let config = scopeConfig(await loadConfig(flags.config), flags);
    if (flags.snapshots) config = { ...config, snapshots: { ...config.snapshots, uri: flags.snapshots } };
    const cloud = flags.endpoint ? undefined : await ensureLocalCloud(config);
    if (cloud) {
      output.info(
        'localcloud.started',
        `started the local cloud at ${cloud.endpoint} (data in ${cloud.dataDir}) for this command`,
      );
      stopCloud = () => cloud.stop();
    }
    const runtime = createRuntime(config, {
      ...(flags.profile ? { profile: flags.profile } : {}),
      ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
      ...(flags.strict ? { strict: true } : {}),
      output,
    });
    const code = await body(runtime, config);
    output.close();
    ctx.setExitCode(code);
  } catch (error) {
    output.close();
    ctx.setExitCode(reportError(ctx, error));
  } finally {
    await stopCloud?.();
  }
}
