import { type Clock, systemClock } from './clock.ts';

/** Requests per second bounds of one adaptive limiter. */
export interface RateLimiterOptions {
  initialRate?: number;
  minRate?: number;
  maxRate?: number;
  /** Added to the rate after each success (additive increase). */
  increasePerSuccess?: number;
  clock?: Clock;
}

/**
 * Adaptive token bucket (AIMD): halves its rate on throttling, creeps back up on success.
 * Sustained throttling exhausts the SDK's own retry budget; slowing every caller of one
 * service and Region together is what actually makes the throttling stop.
 */
export class AdaptiveRateLimiter {
  private rate: number;
  private tokens: number;
  private last: number;
  private readonly minRate: number;
  private readonly maxRate: number;
  private readonly increase: number;
  private readonly clock: Clock;

  constructor(options: RateLimiterOptions = {}) {
    this.maxRate = options.maxRate ?? 50;
    this.minRate = Math.min(options.minRate ?? 0.5, this.maxRate);
    this.rate = Math.min(options.initialRate ?? this.maxRate, this.maxRate);
    this.increase = options.increasePerSuccess ?? 0.25;
    this.clock = options.clock ?? systemClock;
    this.tokens = Math.max(1, this.rate);
    this.last = this.clock.now();
  }

  /** Current allowed requests per second. */
  get currentRate(): number {
    return this.rate;
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

  /** Multiplicative decrease, and drop the burst so the next request really waits. */
  onThrottle(): void {
    this.refill();
    this.rate = Math.max(this.minRate, this.rate / 2);
    this.tokens = Math.min(this.tokens, 0);
  }

  /** Additive increase. */
  onSuccess(): void {
    this.rate = Math.min(this.maxRate, this.rate + this.increase);
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
