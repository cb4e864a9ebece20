import { TokenBucket } from './tokenBucket.ts';

/** Faults injected into Glue, Lake Formation and CloudTrail calls, settable at start and at run time. */
export interface FaultSettings {
  /** Fixed latency added to every call. */
  latencyMs: number;
  /** Uniform random extra latency, 0..jitterMs. */
  jitterMs: number;
  /** Requests a second allowed per account, Region and service; 0 = unlimited. Excess answers throttling. */
  throttleRps: number;
  /**
   * Per-service overrides of throttleRps, keyed by signing name (e.g. `dynamodb`): services whose real limits
   * are far above the control-plane APIs' (DynamoDB, SQS) need not share one rate with Glue.
   */
  serviceRps: Record<string, number>;
  /** Per-operation overrides of throttleRps, keyed `service:Operation` (e.g. `glue:GetPartitions`). */
  operationRps: Record<string, number>;
  /** Fraction (0..1) of calls answered with the service's internal error (HTTP 500). */
  faultRate: number;
  /** Whether CloudTrail LookupEvents keeps its real limit of 2 requests a second per Region. */
  lookupEventsLimit: boolean;
  /**
   * Regions whose endpoints do not answer (a Region outage): every call signed for one of them, to any
   * service, has its connection dropped before an answer, as an unreachable endpoint does.
   */
  unreachableRegions: string[];
}

export const DEFAULT_FAULTS: FaultSettings = {
  latencyMs: 0,
  jitterMs: 0,
  throttleRps: 0,
  serviceRps: {},
  operationRps: {},
  faultRate: 0,
  lookupEventsLimit: true,
  unreachableRegions: [],
};

const LOOKUP_EVENTS_RPS = 2;

/** Decides per call whether to delay, throttle or fail it. */
export class FaultInjector {
  private settings: FaultSettings;
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    initial: Partial<FaultSettings> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.settings = { ...DEFAULT_FAULTS, ...initial };
  }

  get current(): FaultSettings {
    return {
      ...this.settings,
      serviceRps: { ...this.settings.serviceRps },
      operationRps: { ...this.settings.operationRps },
      unreachableRegions: [...this.settings.unreachableRegions],
    };
  }

  update(change: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...change };
    this.buckets.clear();
    return this.current;
  }

  delayMs(): number {
    const { latencyMs, jitterMs } = this.settings;
    return latencyMs + (jitterMs > 0 ? Math.floor(this.random() * (jitterMs + 1)) : 0);
  }

  /** True when this call is over a rate limit and must be answered with throttling. */
  isThrottled(accountId: string, region: string, service: string, operation: string): boolean {
    const opKey = `${service}:${operation}`;
    const limits: Array<[string, number]> = [];
    const opRate = this.settings.operationRps[opKey];
    const serviceRate = this.settings.serviceRps[service] ?? this.settings.throttleRps;
    if (opRate && opRate > 0) limits.push([`${accountId}/${region}/${opKey}`, opRate]);
    else if (serviceRate > 0) limits.push([`${accountId}/${region}/${service}`, serviceRate]);
    if (this.settings.lookupEventsLimit && opKey === 'cloudtrail:LookupEvents') {
      limits.push([`${accountId}/${region}/${opKey}/real`, LOOKUP_EVENTS_RPS]);
    }
    for (const [key, rate] of limits) {
      let bucket = this.buckets.get(key);
      if (!bucket) {
        bucket = new TokenBucket(rate);
        this.buckets.set(key, bucket);
      }
      if (!bucket.tryTake()) return true;
    }
    return false;
  }

  /** True when calls signed for `region` must find no endpoint (see `unreachableRegions`). */
  isUnreachable(region: string): boolean {
    return this.settings.unreachableRegions.includes(region);
  }

  isFaulted(): boolean {
    return this.settings.faultRate > 0 && this.random() < this.settings.faultRate;
  }
}
