import { LakemirrorError } from '../model/errors.ts';

/** The Region the function runs in (Lambda sets `AWS_REGION`), where its own bucket and functions are. */
export function functionRegion(env: NodeJS.ProcessEnv = process.env): string {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (region) return region;
  throw new LakemirrorError({
    code: 'config.region',
    source: 'user',
    object: 'environment variable AWS_REGION',
    message: 'AWS_REGION is not set, so the function does not know its own Region',
    fix: 'run the handler in Lambda (which sets AWS_REGION), or set AWS_REGION to the Region of its stack',
  });
}
