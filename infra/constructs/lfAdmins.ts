import { CustomResource, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledge, iam5ResourceId } from '../nag.ts';
import { LakemirrorFunction } from './lakemirrorFunction.ts';

/** The roles to register in one Region. */
export interface LfAdminRegistration {
  region: string;
  admins: iam.IRole[];
  readOnlyAdmins: iam.IRole[];
}

export interface LfAdminsProps {
  registrations: LfAdminRegistration[];
  logRetentionDays: number;
}

/**
 * Registers function roles as Lake Formation data lake admins (targets) or read-only admins (source)
 * with a Lambda-backed custom resource that merges into the existing lists: AwsCustomResource could
 * only overwrite them, which would lock out the account's own administrators.
 */
export class LfAdmins extends Construct {
  constructor(scope: Construct, id: string, props: LfAdminsProps) {
    super(scope, id);
    const registrations = mergeByRegion(props.registrations).filter(
      (r) => r.admins.length + r.readOnlyAdmins.length > 0,
    );
    if (registrations.length === 0) return;
    const onEvent = new LakemirrorFunction(this, 'Handler', {
      handler: 'lfAdmins',
      description: 'lakemirror: adds its roles to the Lake Formation admin lists (merge, never replace)',
      logRetentionDays: props.logRetentionDays,
      timeout: Duration.minutes(1),
      memorySize: 256,
    });
    onEvent.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'LakeFormationAdminSettings',
        actions: ['lakeformation:GetDataLakeSettings', 'lakeformation:PutDataLakeSettings'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:RequestedRegion': registrations.map((r) => r.region) } },
      }),
    );
    const frameworkRole = new iam.Role(this, 'ProviderRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'lakemirror: custom resource provider framework',
    });
    const frameworkLogs = new logs.LogGroup(this, 'ProviderLogs', {
      retention: props.logRetentionDays as logs.RetentionDays,
    });
    frameworkLogs.grantWrite(frameworkRole);
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent.function,
      frameworkOnEventRole: frameworkRole,
      logGroup: frameworkLogs,
    });
    for (const registration of registrations) {
      new CustomResource(this, `Registration-${registration.region}`, {
        serviceToken: provider.serviceToken,
        resourceType: 'Custom::LakeFormationAdmins',
        properties: {
          Region: registration.region,
          Admins: registration.admins.map((r) => r.roleArn),
          ReadOnlyAdmins: registration.readOnlyAdmins.map((r) => r.roleArn),
        },
      });
    }
    acknowledge(
      frameworkRole,
      [iam5ResourceId(this, `${onEvent.function.functionArn}:*`)],
      "The provider framework may invoke any version of the handler ('<function ARN>:*'), as granted by aws-cdk-lib.",
    );
  }
}

/** One registration per Region (a target may share the source Region under another catalog ID). */
function mergeByRegion(registrations: LfAdminRegistration[]): LfAdminRegistration[] {
  const byRegion = new Map<string, LfAdminRegistration>();
  for (const r of registrations) {
    const merged = byRegion.get(r.region) ?? { region: r.region, admins: [], readOnlyAdmins: [] };
    merged.admins.push(...r.admins.filter((role) => !merged.admins.includes(role)));
    merged.readOnlyAdmins.push(...r.readOnlyAdmins.filter((role) => !merged.readOnlyAdmins.includes(role)));
    byRegion.set(r.region, merged);
  }
  // A role that is a full admin in a Region needs no read-only entry there.
  for (const r of byRegion.values())
    r.readOnlyAdmins = r.readOnlyAdmins.filter((role) => !r.admins.includes(role));
  return [...byRegion.values()];
}
