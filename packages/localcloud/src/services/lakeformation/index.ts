import { withRequestConstraints } from '../../modelConstraints.ts';
import type { OperationHandler, OperationSpec, ServiceDefinition } from '../../service.ts';
import { batchGrantPermissions, batchRevokePermissions } from './batchPermissions.ts';
import {
  createDataCellsFilter,
  deleteDataCellsFilter,
  getDataCellsFilter,
  listDataCellsFilter,
  updateDataCellsFilter,
} from './dataCellsFilters.ts';
import { lfInvalid } from './errors.ts';
import { createLFTag, deleteLFTag, getLFTag, listLFTags, updateLFTag } from './lfTags.ts';
import { listPermissions } from './listPermissions.ts';
import { createLakeFormationOptIn, deleteLakeFormationOptIn, listLakeFormationOptIns } from './optIns.ts';
import { grantPermissions, revokePermissions } from './permissions.ts';
import {
  deregisterResource,
  describeResource,
  listResources,
  registerResource,
  updateResource,
} from './registeredResources.ts';
import { lakeFormationRequestConstraints } from './requestConstraints.ts';
import { addLFTagsToResource, getResourceLFTags, removeLFTagsFromResource } from './resourceTags.ts';
import { getDataLakeSettings, putDataLakeSettings } from './settings.ts';

const read = (handler: OperationHandler): OperationSpec => ({ handler, readOnly: true });
const write = (handler: OperationHandler): OperationSpec => ({ handler, readOnly: false });

/** The Lake Formation emulator: permissions, LF-Tags, data cells filters, settings, registered locations and opt-ins. */
export function lakeFormationService(): ServiceDefinition {
  return {
    signingName: 'lakeformation',
    protocol: 'restJson1',
    eventSource: 'lakeformation.amazonaws.com',
    throttlingErrorCode: 'ThrottlingException',
    internalErrorCode: 'InternalServiceException',
    // Constraint violations are answered before the operation, as InvalidInputException (see errors.ts).
    operations: withRequestConstraints(
      {
        GrantPermissions: write(grantPermissions),
        RevokePermissions: write(revokePermissions),
        BatchGrantPermissions: write(batchGrantPermissions),
        BatchRevokePermissions: write(batchRevokePermissions),
        ListPermissions: read(listPermissions),
        CreateLFTag: write(createLFTag),
        GetLFTag: read(getLFTag),
        UpdateLFTag: write(updateLFTag),
        DeleteLFTag: write(deleteLFTag),
        ListLFTags: read(listLFTags),
        AddLFTagsToResource: write(addLFTagsToResource),
        RemoveLFTagsFromResource: write(removeLFTagsFromResource),
        GetResourceLFTags: read(getResourceLFTags),
        CreateDataCellsFilter: write(createDataCellsFilter),
        GetDataCellsFilter: read(getDataCellsFilter),
        UpdateDataCellsFilter: write(updateDataCellsFilter),
        DeleteDataCellsFilter: write(deleteDataCellsFilter),
        ListDataCellsFilter: read(listDataCellsFilter),
        GetDataLakeSettings: read(getDataLakeSettings),
        PutDataLakeSettings: write(putDataLakeSettings),
        RegisterResource: write(registerResource),
        DeregisterResource: write(deregisterResource),
        ListResources: read(listResources),
        DescribeResource: read(describeResource),
        UpdateResource: write(updateResource),
        CreateLakeFormationOptIn: write(createLakeFormationOptIn),
        DeleteLakeFormationOptIn: write(deleteLakeFormationOptIn),
        ListLakeFormationOptIns: read(listLakeFormationOptIns),
      },
      lakeFormationRequestConstraints,
      lfInvalid,
    ),
  };
}
