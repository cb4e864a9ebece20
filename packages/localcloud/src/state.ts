/**
 * The state of one account in one Region (or the account's global state for IAM).
 * Each service owns one slice, created on first use; slices are plain JSON so they persist as they are.
 */
export class RegionState {
  private readonly slices: Record<string, unknown>;
  dirty = false;

  constructor(
    readonly accountId: string,
    readonly region: string,
    initial: Record<string, unknown> = {},
  ) {
    this.slices = initial;
  }

  /** The service's slice, created by `init` the first time. */
  slice<T>(name: string, init: () => T): T {
    let value = this.slices[name] as T | undefined;
    if (value === undefined) {
      value = init();
      this.slices[name] = value;
    }
    return value;
  }

  /** Whether the service has a slice yet (used to avoid creating empty slices on reads). */
  hasSlice(name: string): boolean {
    return name in this.slices;
  }

  toJSON(): Record<string, unknown> {
    return this.slices;
  }
}

/** The Region name used for an account's non-regional state (IAM). */
export const GLOBAL_REGION = 'global';

/** All accounts and Regions of one local cloud. */
export class CloudState {
  private readonly regions = new Map<string, RegionState>();

  get(accountId: string, region: string): RegionState {
    const id = `${accountId}/${region}`;
    let state = this.regions.get(id);
    if (!state) {
      state = new RegionState(accountId, region);
      this.regions.set(id, state);
    }
    return state;
  }

  put(state: RegionState): void {
    this.regions.set(`${state.accountId}/${state.region}`, state);
  }

  all(): RegionState[] {
    return [...this.regions.values()];
  }

  clear(): void {
    this.regions.clear();
  }
}
