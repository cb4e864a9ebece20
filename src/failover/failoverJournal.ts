import { z } from 'zod';
import type { LeaseStore } from '../lease/leaseStore.ts';

/**
 * The steps of one failover done so far, kept in the promoted Region (beside its replication state): a rerun
 * after a crash skips the steps done and finishes the others. Removed by nothing: it is the evidence of
 * the failover, and failback reads the base snapshot from the reversed config it names.
 */
const journalSchema = z.object({
  runId: z.string(),
  to: z.string(),
  from: z.string(),
  mode: z.enum(['soft', 'hard']),
  startedAt: z.string(),
  steps: z.record(
    z.string(),
    z.object({ at: z.string(), detail: z.string(), data: z.record(z.string(), z.unknown()).optional() }),
  ),
  completedAt: z.string().optional(),
});

export type FailoverJournal = z.infer<typeof journalSchema>;

export const journalName = (region: string) => `${region}.failover.json`;

export async function readJournal(store: LeaseStore, region: string): Promise<FailoverJournal | undefined> {
  const text = await store.read(journalName(region));
  if (text === undefined) return undefined;
  const parsed = journalSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
}

export async function writeJournal(store: LeaseStore, journal: FailoverJournal): Promise<void> {
  await store.write(journalName(journal.to), JSON.stringify(journal, null, 2));
}
