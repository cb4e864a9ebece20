import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag findings on a construct and its children (cdk-nag 3 uses CDK's native
 * `Validations` API; each finding, e.g. `AwsSolutions-IAM5[Resource::*]`, is acknowledged by its exact
 * ID). Every acknowledgment carries the reason it is safe.
 */
export function acknowledge(scope: IConstruct, ids: string[], reason: string): void {
  for (const id of new Set(ids)) Validations.of(scope).acknowledge({ id, reason });
}

/** The finding ID cdk-nag gives a wildcard resource in an IAM policy. */
export const iam5Resource = (resource: string): string => `AwsSolutions-IAM5[Resource::${resource}]`;
