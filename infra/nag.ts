import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag findings on a construct and its children. cdk-nag 3 uses CDK's native
 * `Validations` API, where each finding (e.g. `AwsSolutions-IAM5[Resource::*]`) is acknowledged by its
 * exact ID: there is no pattern matching, so nothing unforeseen is ever silenced. Every acknowledgment
 * carries the reason it is safe.
 */
export function acknowledge(scope: IConstruct, ids: string[], reason: string): void {
  for (const id of new Set(ids)) Validations.of(scope).acknowledge({ id, reason });
}

/** How cdk-nag prints a resolved value: `Ref`/`GetAtt` as `<Name>`/`<Logical.Attr>`, joins flattened. */
function nagText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.Ref === 'string') return `<${o.Ref}>`;
    const getAtt = o['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return `<${getAtt.join('.')}>`;
    const join = o['Fn::Join'];
    if (Array.isArray(join)) return (join[1] as unknown[]).map(nagText).join(String(join[0]));
  }
  return JSON.stringify(value);
}

/** The AwsSolutions-IAM5 finding ID of one policy resource (a string that may hold tokens). */
export function iam5ResourceId(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${nagText(Stack.of(scope).resolve(resource))}]`;
}

/** Acknowledges IAM5 for those `resources` that contain a wildcard. */
export function acknowledgeWildcards(scope: IConstruct, resources: string[], reason: string): void {
  acknowledge(
    scope,
    resources
      .filter((r) => Stack.of(scope).resolve(r) === '*' || nagText(Stack.of(scope).resolve(r)).includes('*'))
      .map((r) => iam5ResourceId(scope, r)),
    reason,
  );
}
