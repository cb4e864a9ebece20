import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsClientBuilder } from '../clientFactory.ts';

/** DynamoDB as a document client (undefined attributes dropped); requests counted on the base client. */
export const dynamoDb: AwsClientBuilder<DynamoDBDocumentClient> = (s) =>
  DynamoDBDocumentClient.from(s.count(new DynamoDBClient(s.config('DYNAMODB', 'sdk')), 'DynamoDB'), {
    marshallOptions: { removeUndefinedValues: true },
  });
