import { hostname } from 'node:os';
import { LakemirrorError } from '../model/errors.ts';
import { DEFAULT_LEASE_MS } from '../model/leaseDefaults.ts';
import { describeHolder, type LeaseHolder, leaseName, parseLeaseHolder } from './leaseHolder.ts';
import type { LeaseStore } from './leaseStore.ts';

/** A dead holder's lease blocks the target this long at most; a live one renews it every third of it. */
export { DEFAULT_LEASE_MS };

const POLL_MS = 250;

export interface LeaseRequest {
  target: string;
  runId: string;
  command: string;
  /** How long to wait for a held lease before refusing; 0 refuses at once. */
  waitMs?: number;
  ttlMs?: number;
  now?: () => Date;
}

/** A held lease: renewed in the background until released. */
export interface HeldLease {
  readonly holder: LeaseHolder;
  release(): Promise<void>;
}

/**
 * Takes the lease of one target, waiting up to `waitMs` while another live writer holds it. An expired lease
 * (its holder died without releasing) is removed and taken; of two writers doing that at once, the atomic
 * create lets exactly one win.
 */
export async function acquireLease(store: LeaseStore, request: LeaseRequest): Promise<HeldLease> {
  const now = request.now ?? (() => new Date());
  const ttlMs = request.ttlMs ?? DEFAULT_LEASE_MS;
  const name = leaseName(request.target);
  const deadline = now().getTime() + (request.waitMs ?? 0);
  const holderAt = (at: Date): LeaseHolder => ({
    target: request.target,
    runId: request.runId,
    command: request.command,
    host: hostname(),
    pid: process.pid,
    startedAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + ttlMs).toISOString(),
  });
  for (;;) {
    const mine = holderAt(now());
    if (await store.create(name, JSON.stringify(mine))) return hold(store, name, mine, ttlMs, now);
    const text = await store.read(name);
    const other = text === undefined ? undefined : parseLeaseHolder(text);
    if (text !== undefined && (!other || Date.parse(other.expiresAt) <= now().getTime())) {
      await store.remove(name);
      continue;
    }
    if (other && now().getTime() >= deadline) throw leaseHeld(store, request.target, other);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function hold(
  store: LeaseStore,
  name: string,
  first: LeaseHolder,
  ttlMs: number,
  now: () => Date,
): HeldLease {
  let holder = first;
  const renew = async () => {
    // A holder that was paused past its expiry may have been taken over: then it must not write over the new one.
    const current = parseLeaseHolder((await store.read(name)) ?? '');
    if (current?.runId !== first.runId) return;
    holder = { ...holder, expiresAt: new Date(now().getTime() + ttlMs).toISOString() };
    await store.write(name, JSON.stringify(holder));
  };
  const timer = setInterval(
    () => {
      renew().catch(() => undefined);
    },
    Math.max(10, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    get holder() {
      return holder;
    },
    async release() {
      clearInterval(timer);
      // Only our own lease is removed: one that expired and was taken over belongs to its new holder.
      const current = parseLeaseHolder((await store.read(name)) ?? '');
      if (current?.runId === first.runId) await store.remove(name);
    },
  };
}

function leaseHeld(store: LeaseStore, target: string, holder: LeaseHolder): LakemirrorError {
  return new LakemirrorError({
    code: 'lease.held',
    source: 'user',
    object: `target ${target}`,
    message: `target ${target} is being written by another ${describeHolder(holder)} (lease ${store.describe(leaseName(target))})`,
    fix: `wait for it (--wait 10m), or, if that run is dead, break its lease with \`lakemirror unlock --target ${target}\``,
  });
}

/** `unlock`: removes the lease of a target whatever its holder; returns the holder it removed. */
export async function breakLease(store: LeaseStore, target: string): Promise<LeaseHolder | undefined> {
  const name = leaseName(target);
  const text = await store.read(name);
  if (text === undefined) return undefined;
  await store.remove(name);
  return parseLeaseHolder(text);
}
