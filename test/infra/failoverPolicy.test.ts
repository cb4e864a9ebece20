import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { deployedRules } from '../../src/realtime/deployedRules.ts';
import { asList, type SynthesizedApp, synthesize } from './support/lakemirrorApp.ts';

let lookup: SynthesizedApp;
let push: SynthesizedApp;
beforeAll(() => {
  const demo = JSON.parse(readFileSync('config/demo.json', 'utf8'));
  const file = join(mkdtempSync(join(tmpdir(), 'lakemirror-failover-policy-')), 'push.json');
  writeFileSync(file, JSON.stringify({ ...demo, realtime: { ...demo.realtime, capture: 'push' } }));
  push = synthesize(file);
  lookup = synthesize('config/demo.json');
});

/** Logical id → RuleName of every EventBridge rule of the template. */
function rulesOf(template: Template): Record<string, string> {
  return Object.fromEntries(
    Object.entries(template.findResources('AWS::Events::Rule')).map(([id, r]) => [id, r.Properties.Name]),
  );
}

function failoverStatements(template: Template): Array<Record<string, any>> {
  const policies = Object.values(template.findResources('AWS::IAM::ManagedPolicy')).filter((p) =>
    /lakemirror failover/.test(p.Properties.Description ?? ''),
  );
  expect(policies).toHaveLength(1);
  return policies[0]!.Properties.PolicyDocument.Statement;
}

describe.each([
  ['lookup', () => lookup, ['collect schedule', 'replay schedule']],
  ['push', () => push, ['collect schedule', 'replay schedule', 'push API calls', 'push state changes']],
])('failover policy with capture %s', (_capture, app, roles) => {
  it('names the rules after the event table, as failover looks them up', () => {
    const { realtime } = app().templates;
    const table = 'lakemirror-events'; // config/demo.json keeps the default
    const expected = deployedRules(table)
      .filter((r) => roles.includes(r.role))
      .map((r) => r.name);
    expect(Object.values(rulesOf(realtime)).sort()).toEqual(expected.sort());
  });

  it('allows DescribeRule and DisableRule on exactly those rules: no `*` action or resource', () => {
    const { realtime } = app().templates;
    const [statement, ...others] = failoverStatements(realtime);
    expect(others).toEqual([]);
    expect(asList<string>(statement!.Action).sort()).toEqual(['events:DescribeRule', 'events:DisableRule']);
    const arns = asList<Record<string, any>>(statement!.Resource);
    const ruleIds = arns.map((arn) => arn['Fn::GetAtt']?.[0]);
    expect(arns.every((arn) => arn['Fn::GetAtt']?.[1] === 'Arn')).toBe(true);
    expect(ruleIds.sort()).toEqual(Object.keys(rulesOf(realtime)).sort());
    realtime.hasOutput('FailoverPolicyArn', {});
  });
});

it('keeps a rule name within EventBridge’s 64 characters of [.-_A-Za-z0-9] for any event table name', () => {
  for (const table of ['lakemirror-events', 'x'.repeat(45), 'a.b_c-'.repeat(40)]) {
    const rules = deployedRules(table);
    expect(new Set(rules.map((r) => r.name)).size).toBe(4);
    for (const { name } of rules) expect(name).toMatch(/^[.\-_A-Za-z0-9]{1,64}$/);
  }
  expect(deployedRules('a'.repeat(200))[0]!.name).not.toBe(deployedRules(`${'a'.repeat(199)}b`)[0]!.name);
});
