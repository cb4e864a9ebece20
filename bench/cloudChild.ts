import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CallCounts, FaultSettings, LocalCloudOptions } from '@lakemirror/localcloud';
import type { CloudRequest } from './cloudProcess.ts';
import type { LakeParams, LakeSize } from './lakeSizes.ts';

export interface TimelineSpan {
  region: string;
  source: string;
  fromS: number;
  toS: number;
  calls: number;
  /** The same span per operation, in order of first call. */
  operations?: Array<{ operation: string; fromS: number; toS: number; calls: number }>;
}

/** `eventSource` → events in a window, as LookupEvents by EventSource would return them. */
export type TrailCounts = Record<string, { write: number; readOnly: number }>;

type Body<T> = T extends { id: number } ? Omit<T, 'id'> : never;

/** A local cloud running in a child process: IPC for setup, the admin HTTP API for faults and call counts. */
export class CloudChild {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  endpoint = '';

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const entry = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error) entry?.reject(new Error(message.error));
      else entry?.resolve(message.result);
    });
    child.on('exit', (code) => {
      for (const entry of this.waiting.values()) entry.reject(new Error(`local cloud exited (${code})`));
      this.waiting.clear();
    });
  }

  static async start(options: LocalCloudOptions): Promise<CloudChild> {
    const runner = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));
    const entry = fileURLToPath(new URL('./cloudProcess.ts', import.meta.url));
    const child = fork(runner, [entry], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: ['--max-old-space-size=8192'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    const cloud = new CloudChild(child);
    const { endpoint } = await cloud.request<{ endpoint: string }>({ type: 'start', options });
    cloud.endpoint = endpoint;
    return cloud;
  }

  private request<T>(body: Body<CloudRequest>): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ ...body, id } as CloudRequest);
    });
  }

  load(region: string, size: LakeSize | LakeParams, seed: number): Promise<{ loadMs: number }> {
    return this.request({ type: 'load', region, size, seed });
  }

  /** Busy spans per (Region, service) since `sinceMs` (epoch ms), from the emulator's CloudTrail history. */
  timeline(accountId: string, regions: string[], sinceMs: number): Promise<TimelineSpan[]> {
    return this.request({ type: 'timeline', accountId, regions, sinceMs });
  }

  /** Events per event source with an event time in [fromMs, toMs] (epoch ms), writes and read-only apart. */
  trailCounts(accountId: string, region: string, fromMs: number, toMs: number): Promise<TrailCounts> {
    return this.request({ type: 'trailCounts', accountId, region, fromMs, toMs });
  }

  memory(): Promise<{ rss: number; maxRss: number }> {
    return this.request({ type: 'memory' });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.request({ type: 'stop' }).catch(() => undefined);
    await exited;
  }

  async calls(): Promise<CallCounts> {
    return (await this.admin('GET', 'calls')) as CallCounts;
  }

  async resetCalls(): Promise<void> {
    await this.admin('POST', 'calls/reset');
  }

  async setFaults(change: Partial<FaultSettings>): Promise<FaultSettings> {
    return (await this.admin('POST', 'faults', change)) as FaultSettings;
  }

  /** EventBridge-style push delivery to the queue: delay and drop rate (see packages/localcloud/src/pushDelivery.ts). */
  async setPush(change: { delayMs?: number; dropRate?: number; queueName?: string }): Promise<unknown> {
    return this.admin('POST', 'push', change);
  }

  private async admin(method: string, route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.endpoint}/_localcloud/${route}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!response.ok)
      throw new Error(`admin ${method} ${route}: ${response.status} ${await response.text()}`);
    return response.json();
  }
}
