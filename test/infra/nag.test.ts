import { type Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SynthesizedApp, synthesize } from './support/lakemirrorApp.ts';

let apps: Record<string, SynthesizedApp>;
beforeAll(() => {
  // Synthesizing runs the AwsSolutions pack as a validation plugin: an unacknowledged finding throws here.
  apps = { demo: synthesize('config/demo.json'), example: synthesize('config/example.yaml') };
});

const stackNames = ['shared', 'onDemand', 'realtime'] as const;

describe.each(['demo', 'example'])('cdk-nag AwsSolutions on the %s config', (name) => {
  it.each(stackNames)('%s stack: no unacknowledged finding', (stackName) => {
    const stack: Stack = apps[name]!.stacks[stackName];
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(
      report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath)}`),
    ).toEqual([]);
    expect(report.success).toBe(true);
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
  });
});

it('gives every acknowledgment a written reason', () => {
  const reasons: Array<[string, string]> = [];
  const walk = (node: IConstruct) => {
    for (const entry of node.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>))
        reasons.push([id, typeof reason === 'string' ? reason : JSON.stringify(reason)]);
    }
    for (const child of node.node.children) walk(child);
  };
  for (const app of Object.values(apps)) walk(app.app);
  expect(reasons.length).toBeGreaterThan(10);
  for (const [id, reason] of reasons) expect(reason.length, id).toBeGreaterThan(30);
});
