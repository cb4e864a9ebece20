import type { RegionState } from './state.ts';

/** Wire protocols the local cloud speaks; each is what the real service uses, so unmodified SDK clients work. */
export type WireProtocol = 'awsJson1_0' | 'awsJson1_1' | 'restJson1' | 'awsQuery';

/** What a handler sees of the request beyond its input. */
export interface RequestContext {
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly requestId: string;
  /** Seconds since the epoch, as AWS JSON protocols carry timestamps. */
  readonly now: number;
  /** State of this account in this Region: every service keeps its own slice. */
  readonly regionState: RegionState;
  /** A Glue call into a catalog below the default one: its multi-level CatalogId (see catalogScope.ts). */
  readonly catalogId?: string;
  /** State of this account that is not regional (IAM). */
  readonly accountState: RegionState;
  /** Reaches another Region's state of the same account (resource links, cross-Region checks). */
  stateOf(accountId: string, region: string): RegionState;
}

export type OperationHandler = (input: any, ctx: RequestContext) => unknown;

export interface OperationSpec {
  readonly handler: OperationHandler;
  /** Read-only operations are recorded with readOnly=true and never dirty the persisted state. */
  readonly readOnly: boolean;
}

/** One emulated AWS service: its wire protocol and operations. */
export interface ServiceDefinition {
  /** The SigV4 signing name (the service in the credential scope), e.g. `glue`. */
  readonly signingName: string;
  readonly protocol: WireProtocol;
  /** awsJson1_1: the X-Amz-Target prefix before the `.`, e.g. `AWSGlue`. */
  readonly targetPrefix?: string;
  /** awsQuery: the XML namespace of responses. */
  readonly xmlNamespace?: string;
  /**
   * Keeps its state in the account's global state (`ctx.accountState`): IAM, and STS's sessions. Mutating calls
   * then mark that state dirty instead of the Region's (IAM requests arrive signed for us-east-1).
   */
  readonly global?: boolean;
  /** CloudTrail eventSource of this service's calls; absent: calls are not recorded. */
  readonly eventSource?: string;
  /** Error code answered when the per-Region rate limit is exceeded. */
  readonly throttlingErrorCode: string;
  /** Error code answered for an injected or unexpected server fault. */
  readonly internalErrorCode: string;
  readonly operations: Readonly<Record<string, OperationSpec>>;
}

/** An error the emulated service answers with, shaped like the real one (code, message, HTTP status). */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra members of the error body (e.g. CloudTrail's fields). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const entityNotFound = (message: string): ServiceError =>
  new ServiceError('EntityNotFoundException', message, 400);
export const alreadyExists = (message: string): ServiceError =>
  new ServiceError('AlreadyExistsException', message, 400);
export const invalidInput = (message: string): ServiceError =>
  new ServiceError('InvalidInputException', message, 400);

/** Reads a required member, answering as AWS does when it is missing. */
export function required<T>(input: Record<string, unknown> | undefined, member: string): T {
  const value = input?.[member];
  if (value === undefined || value === null || value === '') {
    throw new ServiceError(
      'ValidationException',
      `1 validation error detected: Value null at '${lowerFirst(member)}' failed to satisfy constraint: Member must not be null`,
      400,
    );
  }
  return value as T;
}

export function lowerFirst(name: string): string {
  return name.length === 0 ? name : name[0]!.toLowerCase() + name.slice(1);
}
