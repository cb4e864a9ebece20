import type { ClientBuilders } from './clientBuilders.ts';
import { cloudTrail } from './cloudTrail.ts';
import { dynamoDb } from './dynamoDb.ts';
import { ONDEMAND_CLIENTS } from './ondemandClients.ts';

/** The real-time use cases (collect, reconcile, replay, stage pushed events): on-demand's, CloudTrail, DynamoDB. */
export const REALTIME_CLIENTS = { ...ONDEMAND_CLIENTS, cloudTrail, dynamoDb } satisfies ClientBuilders;
