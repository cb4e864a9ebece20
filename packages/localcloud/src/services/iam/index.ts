import type { ServiceDefinition } from '../../service.ts';
import { createRole, deleteRole, getRole, listRoles } from './roles.ts';
import { createUser, getUser, listUsers } from './users.ts';

/**
 * IAM (awsQuery, global): roles and users, enough for STS AssumeRole and for Lake Formation's principal
 * checks. Requests arrive signed for us-east-1; state lives in the account's global state.
 */
export function iamService(): ServiceDefinition {
  return {
    signingName: 'iam',
    protocol: 'awsQuery',
    xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
    global: true,
    throttlingErrorCode: 'Throttling',
    internalErrorCode: 'ServiceFailure',
    operations: {
      CreateRole: { readOnly: false, handler: createRole },
      GetRole: { readOnly: true, handler: getRole },
      DeleteRole: { readOnly: false, handler: deleteRole },
      ListRoles: { readOnly: true, handler: listRoles },
      CreateUser: { readOnly: false, handler: createUser },
      GetUser: { readOnly: true, handler: getUser },
      ListUsers: { readOnly: true, handler: listUsers },
    },
  };
}
