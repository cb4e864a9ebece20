import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, expect, it } from 'vitest';
import { readDeployConfig } from '../../infra/deployConfig.ts';
import { buildLakemirrorApp } from '../../infra/lakemirrorApp.ts';

const outdir = mkdtempSync(join(tmpdir(), 'lakemirror-cdk-out-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

// The real-time handlers import `src/realtime/index.ts` (collectOnce/replayOnce); until that module
// exists, the real-time stack is synthesized without bundling and the other stacks are bundled.
const realtimeReady = existsSync('src/realtime/index.ts');

it('synthesizes the app offline, bundling the handlers with the local esbuild, like `cdk synth`', () => {
  const bundled = [
    'Lakemirror-Shared',
    'Lakemirror-OnDemand',
    ...(realtimeReady ? ['Lakemirror-Realtime'] : []),
  ];
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': bundled } });
  buildLakemirrorApp(app, readDeployConfig('config/demo.json'));
  const assembly = app.synth();

  expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual([
    'Lakemirror-OnDemand',
    'Lakemirror-Realtime',
    'Lakemirror-Shared',
  ]);
  for (const stack of assembly.stacks) {
    expect(existsSync(join(outdir, stack.templateFile))).toBe(true);
    expect(stack.environment.region).toBe('us-east-1');
  }
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  expect(Object.keys(manifest.artifacts)).toEqual(
    expect.arrayContaining(['Lakemirror-Shared', 'Lakemirror-OnDemand']),
  );

  const assets = JSON.parse(readFileSync(join(outdir, 'Lakemirror-OnDemand.assets.json'), 'utf8'));
  const bundles = Object.values(
    assets.files as Record<string, { source: { path: string; packaging?: string } }>,
  )
    .map((f) => f.source)
    .filter((source) => source.packaging === 'zip' && existsSync(join(outdir, source.path, 'index.js')));
  expect(bundles.length).toBeGreaterThanOrEqual(6);
  for (const source of bundles) expect(existsSync(join(outdir, source.path, 'index.js.map'))).toBe(true);
});
