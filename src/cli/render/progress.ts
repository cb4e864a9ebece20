import type { Output } from '../../ondemand/output.ts';
import type { CommandContext } from '../context.ts';

/**
 * Progress on stderr so stdout stays clean for `--json`: phases with elapsed time on a terminal, plain
 * timestamped log lines otherwise (CI logs, pipes).
 */
export function stderrOutput(ctx: CommandContext, isTty: boolean = process.stderr.isTTY === true): Output {
  const started = Date.now();
  const stamp = () => (isTty ? `[${((Date.now() - started) / 1000).toFixed(1)}s]` : new Date().toISOString());
  return {
    phase: (name, detail) => ctx.err(`${stamp()} ${isTty ? '▸ ' : ''}${name}${detail ? `: ${detail}` : ''}`),
    info: (message) => ctx.err(`${stamp()} ${message}`),
    warn: (message) => ctx.err(`${stamp()} warning: ${message}`),
  };
}
