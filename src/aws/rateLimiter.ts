import { type Clock, systemClock } from './clock.ts';

/** Requests per second bounds of one adaptive limiter, and how it moves between them. */
export interface RateLimiterOptions {
  initialRate?: number;
  minRate?: number;
  maxRate?: number;
  /** The rate is multiplied by this on throttling (multiplicative decrease). */
  decreaseFactor?: number;
  /** Added after each success while below the learned ceiling: a quick return to a rate that worked. */
  recoveryPerSuccess?: number;
  /** Added after each success at or above it: slow probing for room the service may have gained. */
  probePerSuccess?: number;
  clock?: Clock;
}

/** Where the ceiling is set under the rate that was throttled, so the next approach stops just short. */
const CEILING_MARGIN = 0.95;

/**
 * Adaptive token bucket that learns the service's limit. A throttle means the rate was over the limit: the
 * limiter remembers a ceiling just under that rate, backs off, then returns to the ceiling within a few
 * successes and only creeps above it. Plain AIMD (halve, then +0.25 per success) took ~100 calls to recover
 * from each throttle and ran a 50 req/s service at ~30 req/s; this keeps it near its limit with rare
 * throttles. Slowing every caller of one service and Region together is what makes throttling stop; the SDK's
 * per-request retries alone would just exhaust their budget.
 */
export class AdaptiveRateLimiter {
  private rate: number;
  private ceiling: number;
  private tokens: number;
  private last: number;
  private readonly minRate: number;
  private readonly maxRate: number;
  private readonly decrease: number;
  private readonly recovery: number;
  private readonly probe: number;
  private readonly clock: Clock;

  constructor(options: RateLimiterOptions = {}) {
    this.maxRate = options.maxRate ?? 50;
    this.minRate = Math.min(options.minRate ?? 0.5, this.maxRate);
    this.rate = Math.min(options.initialRate ?? this.maxRate, this.maxRate);
    this.ceiling = this.maxRate;
    this.decrease = options.decreaseFactor ?? 0.7;
    this.recovery = options.recoveryPerSuccess ?? 1;
    this.probe = options.probePerSuccess ?? 0.02;
    this.clock = options.clock ?? systemClock;
    this.tokens = Math.max(1, this.rate);
    this.last = this.clock.now();
  }

  /** Current allowed requests per second. */
  get currentRate(): number {
    return this.rate;
  }

  /** The rate the limiter returns to quickly after a throttle: just under the last rate that was throttled. */
  get learnedCeiling(): number {
    return this.ceiling;
  }

  /** Waits until one request may be sent. */
  async acquire(): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.rate) * 1000));
    }
  }

  /** Learn the ceiling, decrease multiplicatively, and drop the burst so the next request really waits. */
  onThrottle(): void {
    this.refill();
    this.ceiling = Math.max(this.minRate, this.rate * CEILING_MARGIN);
    this.rate = Math.max(this.minRate, this.rate * this.decrease);
    this.tokens = Math.min(this.tokens, 0);
  }

  /** Quick recovery up to the ceiling, slow probing above it. */
  onSuccess(): void {
    this.rate =
      this.rate < this.ceiling
        ? Math.min(this.ceiling, this.rate + this.recovery)
        : Math.min(this.maxRate, this.rate + this.probe);
  }

  private refill(): void {
    const now = this.clock.now();
    const capacity = Math.max(1, this.rate);
    this.tokens = Math.min(capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }
}

/** One limiter per (service, Region), shared by every adapter that talks to it. */
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, AdaptiveRateLimiter>();

  constructor(
    private readonly defaults: RateLimiterOptions = {},
    private readonly perService: Record<string, RateLimiterOptions> = {},
  ) {}

  /** The limiter for `service` in `region`, created on first use. */
  for(service: string, region: string): AdaptiveRateLimiter {
    const key = `${service}/${region}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new AdaptiveRateLimiter({ ...this.defaults, ...this.perService[service] });
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}
