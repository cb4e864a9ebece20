import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { deployedConfig } from '../../infra/deployConfig.ts';
import { validateConfig } from '../../src/config/loadConfig.ts';
import { asList, type SynthesizedApp, synthesize } from './support/lakemirrorApp.ts';

const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** KMS statements per role logical id, over every IAM policy of a template. */
function kmsStatementsByRole(template: Template): Map<string, Array<Record<string, any>>> {
  const byRole = new Map<string, Array<Record<string, any>>>();
  for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
    const statements = (policy.Properties.PolicyDocument.Statement as Array<Record<string, any>>).filter(
      (s) => asList<string>(s.Action).some((a) => a.startsWith('kms:')),
    );
    for (const role of policy.Properties.Roles as Array<{ Ref: string }>)
      byRole.set(role.Ref, [...(byRole.get(role.Ref) ?? []), ...statements]);
  }
  return byRole;
}

function demoFile(): Record<string, any> {
  const { $schema: _schema, ...demo } = JSON.parse(readFileSync('config/demo.json', 'utf8'));
  return demo;
}

const actionsOf = (statements: Array<Record<string, any>> | undefined) =>
  (statements ?? []).flatMap((s) => asList<string>(s.Action)).sort();

describe('CDK: snapshot signing grants only kms:GenerateMac / kms:VerifyMac on the signing key', () => {
  let signed: SynthesizedApp;
  let plain: SynthesizedApp;
  beforeAll(() => {
    const demo = demoFile();
    const path = join(mkdtempSync(join(tmpdir(), 'lakemirror-infra-')), 'signed.json');
    writeFileSync(path, JSON.stringify({ ...demo, snapshots: { ...demo.snapshots, signingKey: KEY } }));
    signed = synthesize(path);
    plain = synthesize('config/demo.json');
  });

  it('the snapshot writer may GenerateMac, the shard applier VerifyMac (and GenerateMac for safety snapshots), no other role any KMS action', () => {
    const byRole = kmsStatementsByRole(signed.templates.onDemand);
    const role = (handler: string) => [...byRole.keys()].find((id) => id.startsWith(handler));

    expect(actionsOf(byRole.get(role('snapshotShard')!))).toEqual(['kms:GenerateMac']);
    expect(actionsOf(byRole.get(role('applyShard')!))).toEqual(['kms:GenerateMac', 'kms:VerifyMac']);
    expect([...byRole.keys()].filter((id) => byRole.get(id)!.length > 0).sort()).toEqual(
      [role('applyShard'), role('snapshotShard')].sort(),
    );
    expect([...kmsStatementsByRole(signed.templates.realtime).values()].flat()).toEqual([]);
    expect([...kmsStatementsByRole(signed.templates.shared).values()].flat()).toEqual([]);
  });

  it('each KMS statement names exactly the key and the snapshot MAC algorithm', () => {
    const statements = [...kmsStatementsByRole(signed.templates.onDemand).values()].flat();

    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(asList(statement.Action)).toHaveLength(1);
      expect(asList(statement.Resource)).toEqual([KEY]);
      expect(statement.Condition).toEqual({ StringEquals: { 'kms:MacAlgorithm': 'HMAC_SHA_256' } });
    }
  });

  it('the deployed config keeps snapshots.signingKey, so the functions sign and verify', () => {
    const config = validateConfig({ ...demoFile(), snapshots: { uri: '.x', signingKey: KEY } });

    expect(deployedConfig(config, 's3://b/lakemirror/snapshots/').snapshots).toEqual({
      uri: 's3://b/lakemirror/snapshots/',
      signingKey: KEY,
    });
  });

  it('without snapshots.signingKey, no role holds any KMS action', () => {
    for (const template of Object.values(plain.templates))
      expect([...kmsStatementsByRole(template).values()].flat()).toEqual([]);
  });
});
