import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { asList, policyStatements, type SynthesizedApp, synthesize } from './support/lakemirrorApp.ts';

const SOURCE = 'us-east-1';

let demo: SynthesizedApp;
let example: SynthesizedApp;
beforeAll(() => {
  demo = synthesize('config/demo.json');
  example = synthesize('config/example.yaml');
});

/** The statements of the policies attached to the role of the function described as `description`. */
function functionStatements(template: Template, description: RegExp): Array<Record<string, any>> {
  const functions = Object.values(template.findResources('AWS::Lambda::Function')).filter((f) =>
    description.test(f.Properties.Description ?? ''),
  );
  expect(functions).toHaveLength(1);
  const roleId = functions[0]!.Properties.Role['Fn::GetAtt'][0] as string;
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => asList<{ Ref: string }>(p.Properties.Roles).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<Record<string, any>>);
}

describe.each([
  ['demo', () => demo],
  ['example', () => example],
])('least privilege in %s', (_name, app) => {
  it('lets no function change the source Region data lake settings', () => {
    for (const template of Object.values(app().templates)) {
      for (const statement of policyStatements(template)) {
        if (!asList<string>(statement.Action).includes('lakeformation:PutDataLakeSettings')) continue;
        const regions = asList<string>(statement.Condition?.StringEquals?.['aws:RequestedRegion']);
        expect(regions.length, JSON.stringify(statement)).toBeGreaterThan(0);
        expect(regions).not.toContain(SOURCE);
      }
      for (const resource of Object.values(template.findResources('Custom::LakeFormationAdmins')))
        expect(resource.Properties.Region).not.toBe(SOURCE);
    }
  });

  it('updates the admin lists from one stack only, one registration per target Region', () => {
    const { templates } = app();
    const perStack = Object.entries(templates).map(
      ([stack, t]) => [stack, Object.keys(t.findResources('Custom::LakeFormationAdmins')).length] as const,
    );
    expect(perStack.filter(([, n]) => n > 0).map(([stack]) => stack)).toEqual(
      perStack.some(([, n]) => n > 0) ? ['realtime'] : [],
    );
    const regions = Object.values(templates.realtime.findResources('Custom::LakeFormationAdmins')).map(
      (r) => r.Properties.Region,
    );
    expect(new Set(regions).size).toBe(regions.length);
  });
});

it('the verify function may assume only the read-only target roles, never the write roles', () => {
  const statements = functionStatements(example.templates.onDemand, /compares the targets/);
  const assumable = statements
    .filter((s) => asList<string>(s.Action).includes('sts:AssumeRole'))
    .flatMap((s) => asList<string>(s.Resource));
  expect(new Set(assumable)).toEqual(
    new Set([
      'arn:aws:iam::111122223333:role/lakemirror-verifier',
      'arn:aws:iam::444455556666:role/lakemirror-verifier',
    ]),
  );
  const actions = statements.flatMap((s) => asList<string>(s.Action));
  expect(
    actions.filter((a) =>
      /^(glue:(Create|Update|Delete|Batch(Create|Update|Delete))|lakeformation:(Put|Grant|Revoke|Create|Update|Delete|Add|Remove|Register|Deregister|BatchGrant|BatchRevoke))/.test(
        a,
      ),
    ),
  ).toEqual([]);
});

it('registers the target admins of both stacks in the one registration of the demo target', () => {
  const [registration] = Object.values(demo.templates.realtime.findResources('Custom::LakeFormationAdmins'));
  expect(registration?.Properties.Region).toBe('us-west-2');
  expect(registration?.Properties.Admins).toHaveLength(2);
  expect(registration?.Properties.ReadOnlyAdmins).toHaveLength(1);
});
