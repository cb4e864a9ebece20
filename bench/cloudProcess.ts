/**
 * The local cloud in its own process, so the benchmark's memory figures are lakemirror's alone (a loaded
 * million-partition lake lives here, not in the measured process). Driven over IPC by `cloudChild.ts`.
 */
import { type LocalCloud, type LocalCloudOptions, startLocalCloud } from '../src/localcloud/server.ts';
import { generateLake } from './generateLake.ts';
import type { LakeParams, LakeSize } from './lakeSizes.ts';
import { loadLakeIntoCloud } from './loadLake.ts';

export type CloudRequest =
  | { id: number; type: 'start'; options: LocalCloudOptions }
  | { id: number; type: 'load'; region: string; size: LakeSize | LakeParams; seed: number }
  | { id: number; type: 'memory' }
  | { id: number; type: 'stop' };

let cloud: LocalCloud | undefined;

async function handle(request: CloudRequest): Promise<unknown> {
  switch (request.type) {
    case 'start':
      cloud = await startLocalCloud(request.options);
      return { endpoint: cloud.endpoint };
    case 'load': {
      const started = Date.now();
      loadLakeIntoCloud(cloud!, request.region, generateLake(request.size, request.seed));
      return { loadMs: Date.now() - started };
    }
    case 'memory':
      return { rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 };
    case 'stop':
      await cloud?.stop();
      setImmediate(() => process.exit(0));
      return { stopped: true };
  }
}

process.on('message', (request: CloudRequest) => {
  handle(request).then(
    (result) => process.send?.({ id: request.id, result }),
    (error: unknown) => process.send?.({ id: request.id, error: String((error as Error)?.stack ?? error) }),
  );
});
process.on('disconnect', () => process.exit(0));
