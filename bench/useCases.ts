import type { Runtime } from '../src/ondemand/runtime.ts';
import type { SyncReport } from '../src/ondemand/syncReport.ts';

/** The use cases the scenarios drive (signatures fixed in docs/design.md, "Use-case API"). */
export interface UseCases {
  runSync?: (
    runtime: Runtime,
    options: { snapshotUri?: string; dryRun?: boolean; targets?: string[]; databases?: string[] },
  ) => Promise<SyncReport>;
  collectOnce?: (runtime: Runtime) => Promise<Record<string, any>>;
  replayOnce?: (runtime: Runtime, options: { confirm?: boolean }) => Promise<Record<string, any>>;
}

// Paths held in variables so the type checker does not require modules that have not landed yet.
const ONDEMAND = '../src/ondemand/index.ts';
const REALTIME = '../src/realtime/index.ts';

async function tryImport(path: string): Promise<Record<string, any>> {
  try {
    return (await import(new URL(path, import.meta.url).href)) as Record<string, any>;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return {};
    throw error;
  }
}

/** Loads whichever use cases exist; a scenario whose use case is missing reports `pending`, never a number. */
export async function loadUseCases(): Promise<UseCases> {
  const [ondemand, realtime] = await Promise.all([tryImport(ONDEMAND), tryImport(REALTIME)]);
  return {
    ...(typeof ondemand.runSync === 'function' ? { runSync: ondemand.runSync } : {}),
    ...(typeof realtime.collectOnce === 'function' ? { collectOnce: realtime.collectOnce } : {}),
    ...(typeof realtime.replayOnce === 'function' ? { replayOnce: realtime.replayOnce } : {}),
  };
}
