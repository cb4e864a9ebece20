import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiCallCounter } from '../../../src/aws/callCounter.ts';
import type { LakemirrorConfigInput } from '../../../src/config/configSchema.ts';
import { validateConfig } from '../../../src/config/loadConfig.ts';
import { createRuntime } from '../../../src/engine/createRuntime.ts';
import type { Output } from '../../../src/engine/output.ts';
import type { RegionSide } from '../../../src/engine/regionSide.ts';
import type { Runtime } from '../../../src/engine/runtime.ts';
import { MemoryCatalog } from './memoryCatalog.ts';
import { memoryCatalogObjects } from './memoryCatalogObjects.ts';
import { seedSmallLake } from './memoryLake.ts';
import { MemoryPermissions } from './memoryPermissions.ts';

export const MEMORY_ACCOUNT = '123456789012';

/** One Region of the in-memory world: its side (ports) and the stores behind it, for seeding and reading. */
export interface MemoryRegion {
  side: RegionSide;
  catalog: MemoryCatalog;
  permissions: MemoryPermissions;
}

export function memoryRegion(region: string, accountId = MEMORY_ACCOUNT): MemoryRegion {
  const counter = createApiCallCounter();
  const catalog = new MemoryCatalog(counter);
  const permissions = new MemoryPermissions(counter);
  const side: RegionSide = {
    region,
    accountId,
    glueReader: catalog,
    glueWriter: catalog,
    glueObjects: memoryCatalogObjects(catalog, counter),
    lakeFormation: permissions,
    counter,
    concurrency: 4,
  };
  return { side, catalog, permissions };
}

/**
 * A runtime whose source and targets are in-memory Regions (no emulator, no network): snapshots, leases and
 * the audit log go to a temporary directory. For orchestration tests; wire behaviour is tested against the
 * local cloud.
 */
export function memoryRuntime(
  regions: ReadonlyMap<string, MemoryRegion>,
  config: LakemirrorConfigInput,
  output?: Output,
): Runtime {
  const dir = mkdtempSync(join(tmpdir(), 'lakemirror-memory-'));
  const parsed = validateConfig({
    snapshots: { uri: join(dir, 'snapshots') },
    audit: { uri: join(dir, 'audit') },
    ...config,
  });
  const regionOf = (name: string) => {
    const found = regions.get(name);
    if (!found) throw new Error(`no in-memory Region ${name}`);
    return found.side;
  };
  return {
    ...createRuntime(parsed, output ? { output } : {}),
    local: true,
    source: async () => regionOf(parsed.source.region),
    target: async (target) => regionOf(target.region),
  };
}

/**
 * The small lake seeded in an in-memory us-east-1, and the config replicating it to an in-memory us-west-2
 * (bucket lake-use1 → lake-usw2): the starting point of the in-memory orchestration tests.
 */
export async function memorySmallLake() {
  const source = memoryRegion('us-east-1');
  const target = memoryRegion('us-west-2');
  await seedSmallLake(source.side, 'lake-use1');
  const regions = new Map([
    ['us-east-1', source],
    ['us-west-2', target],
  ]);
  const config = {
    source: { region: 'us-east-1' },
    targets: [{ region: 'us-west-2' }],
    s3Mapping: { 'lake-use1': 'lake-usw2' },
  };
  return { source, target, regions, config };
}
