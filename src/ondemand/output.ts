/**
 * Where progress goes (a port): the CLI renders it to stderr, Lambda handlers log it as JSON, tests record
 * it. Results never travel this way; they are returned as data.
 */
export interface Output {
  /** A phase of a run started, e.g. `snapshot`, `plan us-west-2`, `apply us-west-2`. */
  phase(name: string, detail?: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export const silentOutput: Output = { phase() {}, info() {}, warn() {} };

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
