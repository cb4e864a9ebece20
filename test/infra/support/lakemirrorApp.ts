import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readDeployConfig } from '../../../infra/deployConfig.ts';
import { buildLakemirrorApp, type LakemirrorStacks } from '../../../infra/lakemirrorApp.ts';

export interface SynthesizedApp {
  app: App;
  stacks: LakemirrorStacks;
  templates: Record<keyof LakemirrorStacks, Template>;
}

/**
 * Builds the app for a config file without bundling (assets are hashed from the source), so a test
 * file pays for one synthesis, not ten esbuild runs. `synth.test.ts` bundles for real.
 */
export function synthesize(configPath: string, context: Record<string, unknown> = {}): SynthesizedApp {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stacks = buildLakemirrorApp(app, readDeployConfig(configPath));
  return {
    app,
    stacks,
    templates: {
      shared: Template.fromStack(stacks.shared),
      onDemand: Template.fromStack(stacks.onDemand),
      realtime: Template.fromStack(stacks.realtime),
    },
  };
}

/** Every IAM policy statement of a template (inline role policies and managed/default policies). */
export function policyStatements(template: Template): Array<Record<string, any>> {
  const statements: Array<Record<string, any>> = [];
  for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
    for (const resource of Object.values(template.findResources(type)))
      statements.push(...(resource.Properties.PolicyDocument.Statement as Array<Record<string, any>>));
  }
  for (const role of Object.values(template.findResources('AWS::IAM::Role')))
    for (const policy of role.Properties.Policies ?? [])
      statements.push(...(policy.PolicyDocument.Statement as Array<Record<string, any>>));
  return statements;
}

/** A statement field as a list. */
export const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A resource with `Fn::Join` flattened and `Ref`s as `<Name>`, for matching Regions in ARNs. */
export function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const o = value as Record<string, any>;
  if (o?.Ref) return `<${o.Ref}>`;
  if (o?.['Fn::GetAtt']) return `<${o['Fn::GetAtt'].join('.')}>`;
  if (o?.['Fn::Join']) return o['Fn::Join'][1].map(flatten).join(o['Fn::Join'][0]);
  if (o?.['Fn::ImportValue']) return `<import:${flatten(o['Fn::ImportValue'])}>`;
  return JSON.stringify(value);
}
