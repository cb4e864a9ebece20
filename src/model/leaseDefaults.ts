/**
 * How long a lease lasts when its holder names no TTL. A writer's temporary files older than this belong to a
 * run that lost its lease, so the file snapshot store may remove them.
 */
export const DEFAULT_LEASE_MS = 60_000;
