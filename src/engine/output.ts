import type { NoticeCode } from '../model/errorCodes.ts';

/**
 * Where progress goes (a port): the CLI renders it to stderr, Lambda handlers log it as JSON, tests record
 * it. Results never travel this way; they are returned as data. Each notice and warning carries a code of
 * the registry (`NOTICE_CODES` in src/model/errorCodes.ts): tests assert the code, not the prose.
 */
export interface Output {
  /** A phase of a run started, e.g. `snapshot`, `plan us-west-2`, `apply us-west-2`. */
  phase(name: string, detail?: string): void;
  info(code: NoticeCode, message: string): void;
  warn(code: NoticeCode, message: string): void;
  /**
   * Counts of the phase `name` as it goes (tables 12/200, partitions 4,300): the renderer samples `gauge`
   * when it redraws, so producers only keep their counters. Answers a function that ends the tracking.
   */
  track?(name: string, gauge: Gauge): () => void;
}

/** How far one unit of a phase is: `done` so far, out of `total` where that is known. */
export interface ProgressCount {
  done: number;
  total?: number;
}

/** The current counts of a phase by unit (`tables`, `partitions`, `writes`), the first being the main one. */
export type Gauge = () => Record<string, ProgressCount>;

export const silentOutput: Output = { phase() {}, info() {}, warn() {} };

/** Starts tracking on outputs that render counts; a no-op on the others. */
export function track(output: Output, name: string, gauge: Gauge): () => void {
  return output.track ? output.track(name, gauge) : () => {};
}

/** One notice or warning as the output port received it. */
export interface Notice {
  level: 'info' | 'warn';
  code: NoticeCode;
  message: string;
}

/** Records every message (as text) and every notice and warning (with its code), for tests. */
export function recordingOutput(): Output & { messages: string[]; notices: Notice[] } {
  const messages: string[] = [];
  const notices: Notice[] = [];
  const note = (level: Notice['level']) => (code: NoticeCode, message: string) => {
    notices.push({ level, code, message });
    messages.push(`${level} ${message}`);
  };
  return {
    messages,
    notices,
    phase: (name, detail) => messages.push(`phase ${name}${detail ? `: ${detail}` : ''}`),
    info: note('info'),
    warn: note('warn'),
  };
}
