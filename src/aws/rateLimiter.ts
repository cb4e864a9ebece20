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

/** Where the ceiling is set under the rate the service accepted, so the next approach stops just short. */
const CEILING_MARGIN = 0.95;
/**
 * Throttles answered this soon after a decrease were sent before it took effect: they say nothing new, and
 * counting each would collapse the rate (eight requests in flight, eight halvings).
 */
const DECREASE_COOLDOWN_MS = 300;
/** The window successes are counted over to estimate the rate the service accepts. */
const ACCEPTED_WINDOW_MS = 1000;

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
  private lastDecrease = Number.NEGATIVE_INFINITY;
  /** When recent successes happened (oldest first), at most one window's worth. */
  private readonly successes: number[] = [];
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

  /**
   * Learns the ceiling from what the service accepted over the last second (never below half the current
   * rate: a throttle caused by another caller of the account must not stall us), decreases
   * multiplicatively, and drops the burst so the next request really waits.
   */
  onThrottle(): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
    const now = this.clock.now();
    if (now - this.lastDecrease < DECREASE_COOLDOWN_MS) return;
    this.lastDecrease = now;
    const accepted = Math.max(this.acceptedRate(now), this.rate / 2);
    this.ceiling = Math.max(this.minRate, Math.min(this.rate, accepted) * CEILING_MARGIN);
    this.rate = Math.max(this.minRate, Math.min(this.ceiling, this.rate * this.decrease));
  }

  /** Quick recovery up to the ceiling, slow probing above it. */
  onSuccess(): void {
    const now = this.clock.now();
    this.successes.push(now);
    if (this.successes.length > 2 * this.maxRate + 8)
      this.successes.splice(0, this.successes.length - this.maxRate);
    this.rate =
      this.rate < this.ceiling
        ? Math.min(this.ceiling, this.rate + this.recovery)
        : Math.min(this.maxRate, this.rate + this.probe);
  }

  /** Successes in the last window, per second. */
  private acceptedRate(now: number): number {
    while (this.successes.length > 0 && this.successes[0]! <= now - ACCEPTED_WINDOW_MS)
      this.successes.shift();
    return (this.successes.length * 1000) / ACCEPTED_WINDOW_MS;
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
