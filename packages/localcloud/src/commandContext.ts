/**
 * What the `localcloud` command needs from its host (the lakemirror CLI or the package's own bin): output
 * lines, the exit code and a stop signal. Structurally the same as the product's command context, declared
 * here so that the emulator imports nothing from the product.
 */
export interface LocalCloudCommandContext {
  out(line: string): void;
  err(line: string): void;
  setExitCode(code: number): void;
  /** Ends the running cloud as SIGINT does; for tests and embedding. */
  stop?: AbortSignal;
}
