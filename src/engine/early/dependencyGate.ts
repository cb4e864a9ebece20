/**
 * Tracks objects an apply has promised to create, so work that needs them can wait for exactly those. A
 * reference nobody announced counts as present: it either exists in the target already or is not this run's
 * business (if it is really missing, the write fails and the sync's second pass reports it).
 */
export class DependencyGate {
  private readonly promised = new Map<string, { settled: Promise<boolean>; settle: (ok: boolean) => void }>();

  /** Announces that `ref` is on its way; call before anything that needs it asks. */
  announce(ref: string): void {
    if (this.promised.has(ref)) return;
    let settle!: (ok: boolean) => void;
    const settled = new Promise<boolean>((resolve) => {
      settle = resolve;
    });
    this.promised.set(ref, { settled, settle });
  }

  /** Whether `ref` was announced (and so is being created by this run). */
  isAnnounced(ref: string): boolean {
    return this.promised.has(ref);
  }

  /** Reports how the announced `ref` ended: created (`true`) or failed. The first report wins. */
  settle(ref: string, ok: boolean): void {
    this.promised.get(ref)?.settle(ok);
  }

  /** Resolves once every announced reference in `refs` has settled: true when all were created. */
  async ready(refs: readonly string[]): Promise<boolean> {
    const waits = refs.flatMap((ref) => {
      const entry = this.promised.get(ref);
      return entry ? [entry.settled] : [];
    });
    if (waits.length === 0) return true;
    return (await Promise.all(waits)).every(Boolean);
  }
}
