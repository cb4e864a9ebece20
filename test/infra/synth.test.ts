import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, expect, it } from 'vitest';
import { readDeployConfig } from '../../infra/deployConfig.ts';
import { buildLakemirrorApp } from '../../infra/lakemirrorApp.ts';

const outdir = mkdtempSync(join(tmpdir(), 'lakemirror-cdk-out-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

it('synthesizes the app offline, bundling the handlers with the local esbuild, like `cdk synth`', () => {
  const bundled = ['Lakemirror-Shared', 'Lakemirror-OnDemand', 'Lakemirror-Realtime'];
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

  const bundlesOf = (stack: string) => {
    const assets = JSON.parse(readFileSync(join(outdir, `${stack}.assets.json`), 'utf8'));
    return Object.values(assets.files as Record<string, { source: { path: string; packaging?: string } }>)
      .map((f) => f.source)
      .filter((source) => source.packaging === 'zip' && existsSync(join(outdir, source.path, 'index.js')));
  };
  // listDatabases, snapshotShard, applyShard, report, verify
  expect(bundlesOf('Lakemirror-OnDemand').length).toBeGreaterThanOrEqual(5);
  // collector, replayer and the Lake Formation admins handler
  expect(bundlesOf('Lakemirror-Realtime').length).toBeGreaterThanOrEqual(3);
  for (const source of [...bundlesOf('Lakemirror-OnDemand'), ...bundlesOf('Lakemirror-Realtime')])
    expect(existsSync(join(outdir, source.path, 'index.js.map'))).toBe(true);
  // Bundling five handlers with esbuild takes ~15 s on an idle 2-core machine; the default 60 s is not enough
  // when the machine is loaded. A guard against a hang, not a speed target.
}, 240_000);
