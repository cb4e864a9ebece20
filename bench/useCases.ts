import { runSync } from '../src/ondemand/index.ts';
import type { Runtime } from '../src/ondemand/runtime.ts';

/** The use cases the scenarios drive (signatures fixed in docs/design.md, "Use-case API"). */
export interface UseCases {
  runSync: typeof runSync;
  collectOnce?: (runtime: Runtime) => Promise<Record<string, any>>;
  replayOnce?: (runtime: Runtime, options: { confirm?: boolean }) => Promise<Record<string, any>>;
}

// The real-time module's path is held in a variable so the type checker does not require modules that have not landed yet.
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
  const realtime = await tryImport(REALTIME);
  return {
    runSync,
    ...(typeof realtime.collectOnce === 'function' ? { collectOnce: realtime.collectOnce } : {}),
    ...(typeof realtime.replayOnce === 'function' ? { replayOnce: realtime.replayOnce } : {}),
  };
}
