/** Counts of calls answered, by Region, service and operation, and by outcome. */
export interface CallCounts {
  total: number;
  /** `region` → `service` → `Operation` → count. */
  byRegion: Record<string, Record<string, Record<string, number>>>;
  throttled: number;
  faulted: number;
  errors: number;
}

export class CallStats {
  private counts: CallCounts = CallStats.empty();

  private static empty(): CallCounts {
    return { total: 0, byRegion: {}, throttled: 0, faulted: 0, errors: 0 };
  }

  record(region: string, service: string, operation: string): void {
    this.counts.total += 1;
    const services = this.counts.byRegion[region] ?? {};
    this.counts.byRegion[region] = services;
    const operations = services[service] ?? {};
    services[service] = operations;
    operations[operation] = (operations[operation] ?? 0) + 1;
  }

  recordOutcome(outcome: 'throttled' | 'faulted' | 'error'): void {
    if (outcome === 'throttled') this.counts.throttled += 1;
    else if (outcome === 'faulted') this.counts.faulted += 1;
    else this.counts.errors += 1;
  }

  snapshot(): CallCounts {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = CallStats.empty();
  }
}
