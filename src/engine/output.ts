/**
 * Where progress goes (a port): the CLI renders it to stderr, Lambda handlers log it as JSON, tests record
 * it. Results never travel this way; they are returned as data.
 */
export interface Output {
  /** A phase of a run started, e.g. `snapshot`, `plan us-west-2`, `apply us-west-2`. */
  phase(name: string, detail?: string): void;
  info(message: string): void;
  warn(message: string): void;
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

/** Records every message, for tests. */
export function recordingOutput(): Output & { messages: string[] } {
  const messages: string[] = [];
  return {
    messages,
    phase: (name, detail) => messages.push(`phase ${name}${detail ? `: ${detail}` : ''}`),
    info: (message) => messages.push(`info ${message}`),
    warn: (message) => messages.push(`warn ${message}`),
  };
}
