/**
 * AWS Region codes: partition prefix, direction, number (us-east-1, eu-central-2, ap-southeast-4,
 * us-gov-west-1, cn-north-1, ...). A pattern rather than a fixed list, so new Regions need no release,
 * while typos such as `us-east1` or `eu-centrl-1` are still caught before any API call.
 */
export const REGION_PATTERN =
  /^(us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob|eusc)-(north|south|east|west|central|northeast|northwest|southeast|southwest)-[1-9]\d?$/;

/** Examples shown in error messages. */
export const REGION_EXAMPLES = 'us-east-1, eu-central-2, ap-southeast-4';

/** True when `region` is a syntactically valid AWS Region code. */
export function isAwsRegion(region: string): boolean {
  return REGION_PATTERN.test(region);
}
