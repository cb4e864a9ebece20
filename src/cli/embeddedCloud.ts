import type { LakemirrorConfig } from '../config/configSchema.ts';
import { loadLocalCloud } from './loadLocalCloud.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What the embedded start hands back: enough to say where it listens and to stop it. */
export interface EmbeddedCloud {
  endpoint: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/_localcloud/health', endpoint), {
      signal: AbortSignal.timeout(1500),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The local cloud is the embedded default: when the config points at a loopback endpoint where nothing
 * answers, start one there for the length of the command, on the persisted data dir, so
 * `lakemirror verify --config config/demo.json` works after `npm run demo` without a second terminal.
 * The emulator is loaded only here, on demand: a command against AWS never loads it.
 */
export async function ensureLocalCloud(config: LakemirrorConfig): Promise<EmbeddedCloud | undefined> {
  const endpoint = config.localcloud?.endpoint;
  if (!endpoint) return undefined;
  const url = new URL(endpoint);
  if (!LOOPBACK.has(url.hostname) || (await answers(endpoint))) return undefined;
  const { DEFAULT_DATA_DIR, startLocalCloud } = await loadLocalCloud();
  const dataDir = config.localcloud?.dataDir ?? DEFAULT_DATA_DIR;
  const cloud = await startLocalCloud({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 80),
    dataDir,
  });
  return { endpoint: cloud.endpoint, dataDir, stop: () => cloud.stop() };
}
