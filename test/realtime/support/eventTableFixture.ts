import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LocalCloud } from '@lakemirror/localcloud';
import { createEventTable } from '../../../src/realtime/eventTable/createEventTable.ts';
import { EventTable } from '../../../src/realtime/eventTable/eventTable.ts';
import { clientsFor } from '../../support/localCloud.ts';

let tables = 0;

/** A fresh event table in the local cloud's DynamoDB (dynalite), through the real document client. */
export async function freshEventTable(cloud: LocalCloud, region = 'us-east-1') {
  const { dynamoDb } = clientsFor(cloud, region);
  const documents = DynamoDBDocumentClient.from(dynamoDb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  tables += 1;
  const name = `lakemirror-events-${process.pid}-${tables}`;
  await createEventTable(documents, name);
  return { dynamoDb, documents, table: new EventTable(documents, name), name };
}
