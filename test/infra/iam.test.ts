import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  asList,
  flatten,
  policyStatements,
  type SynthesizedApp,
  synthesize,
} from './support/lakemirrorApp.ts';

const GLUE_WRITES = /^glue:(Create|Update|Delete|BatchCreate|BatchUpdate|BatchDelete)/;
const GLUE_READS = /^glue:(Get|BatchGet)/;

let demo: SynthesizedApp;
let example: SynthesizedApp;
beforeAll(() => {
  demo = synthesize('config/demo.json');
  example = synthesize('config/example.yaml');
});

const all = (app: SynthesizedApp): Array<[string, Template]> => Object.entries(app.templates);
const regionOf = (arn: string) => /^arn:(aws|<AWS::Partition>):glue:([a-z0-9-]+):/.exec(arn)?.[2];

describe.each([
  ['demo (direct target)', () => demo],
  ['example (targets through roleArn)', () => example],
])('IAM in %s', (_name, app) => {
  it('has no wildcard in any action of any statement of any stack', () => {
    for (const [stack, template] of all(app())) {
      for (const statement of policyStatements(template)) {
        for (const action of asList<string>(statement.Action)) {
          expect(action, `${stack}: ${JSON.stringify(statement)}`).not.toContain('*');
          expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
        }
      }
    }
  });

  it('writes the Glue catalog only in target Regions and reads it only in configured Regions', () => {
    const source = 'us-east-1';
    for (const [stack, template] of all(app())) {
      for (const statement of policyStatements(template)) {
        const actions = asList<string>(statement.Action);
        const resources = asList(statement.Resource).map(flatten);
        if (actions.some((a) => GLUE_WRITES.test(a))) {
          expect(
            actions.every((a) => GLUE_WRITES.test(a)),
            `${stack} mixes writes with other actions`,
          ).toBe(true);
          for (const arn of resources) expect(regionOf(arn), `${stack}: ${arn}`).not.toBe(source);
          for (const arn of resources) expect(regionOf(arn)).toMatch(/^(us-west-2|eu-central-1)$/);
        }
        if (actions.some((a) => GLUE_READS.test(a))) {
          expect(actions.every((a) => GLUE_READS.test(a))).toBe(true);
          const regions = new Set(resources.map(regionOf));
          if (statement.Sid === 'GlueReadSource') expect([...regions]).toEqual([source]);
          else expect(statement.Sid).toBe('GlueReadTargets');
          if (statement.Sid === 'GlueReadTargets') expect(regions.has(source)).toBe(false);
        }
      }
    }
  });

  it('pins Lake Formation writes to target Regions and CloudTrail to the source', () => {
    for (const [, template] of all(app())) {
      for (const statement of policyStatements(template)) {
        const actions = asList<string>(statement.Action);
        if (statement.Sid === 'LakeFormationWriteTargets') {
          expect(statement.Condition.StringEquals['aws:RequestedRegion']).not.toContain('us-east-1');
        }
        if (actions.includes('cloudtrail:LookupEvents')) {
          expect(statement.Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': 'us-east-1' } });
        }
        if (actions.includes('sts:AssumeRole') && statement.Principal === undefined) {
          for (const role of asList<string>(statement.Resource))
            expect(role).toMatch(/^arn:aws:iam::\d{12}:role\//);
        }
        // Table optimizers name a role: it is passed to Glue only, and only to write a target's optimizers.
        if (actions.includes('iam:PassRole')) {
          expect(actions).toEqual(['iam:PassRole']);
          expect(statement.Condition).toEqual({
            StringEquals: { 'iam:PassedToService': 'glue.amazonaws.com' },
          });
          for (const role of asList(statement.Resource).map(flatten))
            expect(role).toMatch(/:iam::.*:role\/\*$/);
        }
        if (actions.some((a) => a.startsWith('dynamodb:'))) {
          for (const r of asList(statement.Resource).map(flatten))
            expect(r).toMatch(/EventsTable|table\/lakemirror-events/);
        }
      }
    }
  });
});

it('gives the function roles no Glue or Lake Formation write when every target is written through its roleArn', () => {
  const actions = all(example).flatMap(([, t]) =>
    policyStatements(t).flatMap((s) => asList<string>(s.Action)),
  );
  expect(actions.filter((a) => GLUE_WRITES.test(a))).toEqual([]);
  expect(actions).not.toContain('iam:PassRole');
  expect(actions).toContain('sts:AssumeRole');
  const roles = all(example).flatMap(([, t]) =>
    policyStatements(t)
      .filter((s) => asList<string>(s.Action).includes('sts:AssumeRole') && s.Principal === undefined)
      .flatMap((s) => asList<string>(s.Resource)),
  );
  expect(new Set(roles)).toEqual(
    new Set([
      'arn:aws:iam::111122223333:role/lakemirror-replicator',
      'arn:aws:iam::444455556666:role/lakemirror-replicator',
      // Verify's read-only roles (see leastPrivilege.test.ts).
      'arn:aws:iam::111122223333:role/lakemirror-verifier',
      'arn:aws:iam::444455556666:role/lakemirror-verifier',
    ]),
  );
});

it('attaches no managed policies to lakemirror roles', () => {
  for (const [, template] of all(demo)) {
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
    }
  }
});

it('lets the roles that write a target pass table optimizer roles to Glue', () => {
  const passing = all(demo).flatMap(([, t]) =>
    policyStatements(t).filter((s) => asList<string>(s.Action).includes('iam:PassRole')),
  );
  expect(passing.length).toBeGreaterThan(0);
  expect(new Set(passing.map((s) => s.Sid))).toEqual(new Set(['PassOptimizerRolesToGlue']));
});
