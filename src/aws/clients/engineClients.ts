import type { AwsClients } from '../clientFactory.ts';
import { cloudTrail } from './cloudTrail.ts';
import { dynamoDb } from './dynamoDb.ts';
import { eventBridge } from './eventBridge.ts';
import { glue } from './glue.ts';
import { kms } from './kms.ts';
import { lakeFormation } from './lakeFormation.ts';
import { s3 } from './s3.ts';
import { sqs } from './sqs.ts';
import { sts } from './sts.ts';

/** The clients of one Region side of the engine (`createAwsClients(options, ENGINE_CLIENTS)` → `AwsClients`). */
export const ENGINE_CLIENTS = {
  glue,
  lakeFormation,
  cloudTrail,
  dynamoDb,
  s3,
  sts,
  sqs,
  kms,
  eventBridge,
} as const;

// The builders and the `AwsClients` interface must name the same clients.
type Built = { region: string } & {
  [K in keyof typeof ENGINE_CLIENTS]: ReturnType<(typeof ENGINE_CLIENTS)[K]>;
};
const _sameShape: (b: Built) => AwsClients = (b) => b;
void _sameShape;
