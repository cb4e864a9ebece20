import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layerOf, ruleViolations } from './importRules.ts';
import { type ImportEdge, scanImports, sourceFiles } from './importScanner.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = sourceFiles(root, 'src');
const edges = files.flatMap((file) => scanImports(root, file));

/** An edge as the scanner finds it in `text`, written in `from`. */
const scanned = (from: string, text: string): ImportEdge[] => scanImports(root, from, text);
const brokenBy = (from: string, text: string) => scanned(from, text).flatMap(ruleViolations);

describe('the import graph of src/', () => {
  it('keeps every rule: SDK only in src/aws, pure model and plan, no static local cloud, layers downward', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(edges.flatMap(ruleViolations)).toEqual([]);
  });

  it('places every file of src/ in a layer', () => {
    expect(files.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it('loads the local cloud in exactly one place, with a dynamic import', () => {
    const loads = edges.filter((e) => e.specifier.startsWith('@lakemirror/localcloud') && e.kind !== 'type');
    expect(loads.map((e) => `${e.from} ${e.kind}`)).toEqual(['src/cli/loadLocalCloud.ts dynamic']);
  });

  it('builds SDK clients only in src/aws/clients (from createAwsClients)', () => {
    const constructing = files.filter(
      (f) =>
        !f.startsWith('src/aws/clients/') &&
        /new [A-Z]\w*Client\(|Client\.from\(/.test(readFileSync(`${root}${f}`, 'utf8')),
    );
    expect(constructing).toEqual([]);
  });
});

describe('the rules fail on planted violations', () => {
  it('an SDK value outside src/aws, but not a type-only import', () => {
    expect(brokenBy('src/lease/x.ts', "import { GetObjectCommand } from '@aws-sdk/client-s3';")).toHaveLength(
      1,
    );
    expect(
      brokenBy(
        'src/lease/x.ts',
        "import { type S3Client, type GetObjectCommandInput } from '@aws-sdk/client-s3';",
      ),
    ).toEqual([]);
    expect(brokenBy('src/lease/x.ts', "import type { S3Client } from '@aws-sdk/client-s3';")).toEqual([]);
    expect(brokenBy('src/lease/x.ts', "const m = await import('@aws-sdk/client-iam');")).toHaveLength(1);
    expect(brokenBy('src/aws/x.ts', "import { GetObjectCommand } from '@aws-sdk/client-s3';")).toEqual([]);
  });

  it('I/O in src/model or src/plan', () => {
    expect(brokenBy('src/model/x.ts', "import { readFile } from 'node:fs/promises';")).toHaveLength(1);
    expect(
      brokenBy('src/plan/x.ts', "import { GlueCatalogReader } from '../aws/glueCatalogReader.ts';"),
    ).not.toEqual([]);
    expect(brokenBy('src/plan/x.ts', "import { keyOf } from '../model/keys.ts';")).toEqual([]);
  });

  it('the local cloud imported statically, or dynamically outside the loader', () => {
    expect(
      brokenBy('src/cli/commands/x.ts', "import { startLocalCloud } from '@lakemirror/localcloud';"),
    ).toHaveLength(1);
    expect(
      brokenBy('src/cli/x.ts', "import { x } from '../../packages/localcloud/src/index.ts';"),
    ).toHaveLength(1);
    expect(brokenBy('src/cli/commands/x.ts', "await import('@lakemirror/localcloud');")).toHaveLength(1);
    expect(brokenBy('src/cli/loadLocalCloud.ts', "await import('@lakemirror/localcloud');")).toEqual([]);
  });

  it('an upward import, but not a type-only one', () => {
    expect(brokenBy('src/aws/x.ts', "import { runSync } from '../ondemand/runSync.ts';")).toHaveLength(1);
    expect(
      brokenBy('src/realtime/x.ts', "export { runFailover } from '../failover/runFailover.ts';"),
    ).toHaveLength(1);
    expect(brokenBy('src/engine/x.ts', "import { runSync } from '../ondemand/runSync.ts';")).toHaveLength(1);
    expect(brokenBy('src/lease/x.ts', "import type { Runtime } from '../engine/runtime.ts';")).toEqual([]);
    expect(brokenBy('src/newLayer/x.ts', "import { x } from '../model/x.ts';")).toHaveLength(1);
  });
});
