import type { CloudTrailLog } from '../cloudTrailLog.ts';
import type { ServiceDefinition } from '../service.ts';
import { cloudTrailService } from './cloudtrail.ts';
import { eventsService } from './events/index.ts';
import { glueService } from './glue/index.ts';
import { iamService } from './iam/index.ts';
import { kmsService } from './kms/index.ts';
import { lakeFormationService } from './lakeformation/index.ts';
import { sqsService } from './sqs/index.ts';
import type { QueueBroker } from './sqs/queues.ts';
import { stsService } from './sts/index.ts';

/** Every emulated service (DynamoDB and S3 are embedded third-party emulators, see embedded.ts). */
export function allServices(trail: CloudTrailLog, queues: QueueBroker): ServiceDefinition[] {
  return [
    cloudTrailService(trail),
    glueService(),
    lakeFormationService(),
    stsService(),
    iamService(),
    sqsService(queues),
    kmsService(),
    eventsService(),
  ];
}
