import { LakemirrorError } from '../../model/errors.ts';

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** Parses `--wait` (`90s`, `10m`, `1h`, a bare number is seconds) into milliseconds. */
export function parseWait(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) {
    throw new LakemirrorError({
      code: 'cli.invalidDuration',
      source: 'user',
      message: `--wait ${JSON.stringify(text)} is not a duration`,
      fix: 'write it like 30s, 10m or 1h',
    });
  }
  return Math.round(Number(match[1]) * UNIT_MS[(match[2] ?? 's') as keyof typeof UNIT_MS]);
}

export const WAIT_HELP =
  "wait this long (30s, 10m) for another writer's lease on a target; default: refuse at once";
