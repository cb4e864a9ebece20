import { z } from 'zod';

/** Who holds a target: enough for a person to find the run, and the time after which it is dead. */
export const leaseHolderSchema = z.object({
  target: z.string(),
  runId: z.string(),
  command: z.string(),
  host: z.string(),
  pid: z.number(),
  startedAt: z.string(),
  expiresAt: z.string(),
});

export type LeaseHolder = z.infer<typeof leaseHolderSchema>;

/** The holder in a lease object, or undefined when the text is not one (a torn or foreign object). */
export function parseLeaseHolder(text: string): LeaseHolder | undefined {
  try {
    const parsed = leaseHolderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** One line naming the holder, for refusals and `unlock`. */
export function describeHolder(holder: LeaseHolder): string {
  return `${holder.command} run ${holder.runId} on ${holder.host} (pid ${holder.pid}), started ${holder.startedAt}, lease expires ${holder.expiresAt}`;
}

/** The lease object's name for a target Region. */
export function leaseName(target: string): string {
  return `${target}.json`;
}
