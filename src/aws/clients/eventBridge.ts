import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { AwsClientBuilder } from '../clientFactory.ts';

/**
 * The deployed real-time stack's rules, which failover disables. One attempt: the adapter's retry policy
 * decides (a hard failover tries the failed Region only once).
 */
export const eventBridge: AwsClientBuilder<EventBridgeClient> = (s) =>
  s.count(new EventBridgeClient(s.config('EVENTBRIDGE', 'own')), 'EventBridge');
