import type { RegisterResourceRequest, UpdateResourceRequest } from '@aws-sdk/client-lakeformation';
import type { LocationRecord } from '../../model/records.ts';
import { registerRequest } from './permissionRequests.ts';

/**
 * How one registered location moves from its target state to the source's. `UpdateResource` requires a
 * `RoleArn` and cannot say "use the service-linked role", so a location that must end on the service-linked
 * role is deregistered and registered again; every other change (role A → role B, service-linked → custom,
 * hybrid access or federation switched on or off) is one `UpdateResource` carrying every member explicitly.
 */
export type LocationTransition =
  | { method: 'update'; request: UpdateResourceRequest }
  | { method: 'reregister'; request: RegisterResourceRequest };

/** Pure: the request(s) that turn the target's registration of the same ARN into `desired`. */
export function locationTransition(desired: LocationRecord): LocationTransition {
  if (!desired.roleArn) return { method: 'reregister', request: registerRequest(desired) };
  return {
    method: 'update',
    request: {
      ResourceArn: desired.resourceArn,
      RoleArn: desired.roleArn,
      // Explicit false switches a flag off; leaving it out would keep the target's value.
      HybridAccessEnabled: desired.hybridAccessEnabled === true,
      WithFederation: desired.withFederation === true,
    },
  };
}
