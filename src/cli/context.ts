/** What every command gets from the CLI host: output lines (stdout, stderr), the exit code, a stop signal. */
export interface CommandContext {
  out(line: string): void;
  err(line: string): void;
  setExitCode(code: number): void;
  /** Ends long-running commands (the local cloud) as SIGINT does; for tests and embedding. */
  stop?: AbortSignal;
}

/** The terminal. */
export function consoleContext(setExitCode: (code: number) => void): CommandContext {
  return { out: (line) => console.log(line), err: (line) => console.error(line), setExitCode };
}
