import { Logger } from '@aws-lambda-powertools/logger';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { createAwsCallContext } from '../aws/awsCallContext.ts';
import { createAwsClients } from '../aws/clientFactory.ts';
import { lakeFormation } from '../aws/clients/lakeFormation.ts';
import { getDataLakeSettings, putDataLakeSettings } from '../aws/commands/lakeFormation.ts';
import {
  type AdminLists,
  addAdmins,
  keepTags,
  physicalId,
  removeAdmins,
  subtractLists,
} from './dataLakeAdmins.ts';

const logger = new Logger();

interface Properties {
  Region: string;
  Admins?: string[];
  ReadOnlyAdmins?: string[];
}

const listsOf = (p: Properties): AdminLists => ({
  admins: p.Admins ?? [],
  readOnlyAdmins: p.ReadOnlyAdmins ?? [],
});

/**
 * Custom resource (Provider framework): registers lakemirror's function roles as Lake Formation
 * (read-only) data lake admins in one Region by merging into the existing lists, never replacing
 * them; on delete it removes only the entries it added.
 */
export async function handler(
  event: CloudFormationCustomResourceEvent,
): Promise<{ PhysicalResourceId: string }> {
  const props = event.ResourceProperties as unknown as Properties;
  const { lf } = createAwsClients({ region: props.Region }, { lf: lakeFormation });
  // The client makes one attempt per send; the call context retries (and names the object on failure).
  const context = createAwsCallContext('lakeformation', { region: props.Region });
  const object = `data lake settings of ${props.Region}`;
  const settings =
    (await context.call('GetDataLakeSettings', object, () => getDataLakeSettings(lf, {}))).DataLakeSettings ??
    {};
  const put = async (next: typeof settings) => {
    await context.call('PutDataLakeSettings', object, () =>
      putDataLakeSettings(lf, { DataLakeSettings: next }),
    );
  };
  logger.info('data lake admins', { requestType: event.RequestType, region: props.Region });

  if (event.RequestType === 'Delete') {
    const removed = removeAdmins(settings, listsOf(props), keepTags(event.PhysicalResourceId));
    if (removed.changed) await put(removed.settings);
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const update = event.RequestType === 'Update' ? event : undefined;
  const old = update?.OldResourceProperties as unknown as Properties | undefined;
  const sameRegion = update !== undefined && old?.Region === props.Region;
  const start =
    sameRegion && old
      ? removeAdmins(
          settings,
          subtractLists(listsOf(old), listsOf(props)),
          keepTags(update.PhysicalResourceId),
        )
      : { settings, changed: false };
  const added = addAdmins(start.settings, listsOf(props));
  if (start.changed || added.changed) await put(added.settings);
  // An update in the same Region keeps its ID (a new one would make CloudFormation delete the old
  // registration, i.e. remove ARNs still wanted); a move to another Region is a new registration.
  const id = sameRegion ? update.PhysicalResourceId : physicalId(props.Region, added.preexisting);
  return { PhysicalResourceId: id };
}
