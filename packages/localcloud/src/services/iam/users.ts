import { type RequestContext, required } from '../../service.ts';
import { iamUniqueId, isoSeconds } from '../awsIds.ts';
import { checkName, checkPath, entityAlreadyExists, maxItemsOf, noSuchEntity } from './errors.ts';
import { pageByName } from './paging.ts';
import { iamStateOf, type StoredUser } from './state.ts';

type Input = Record<string, string | undefined>;

/** The IAM user every long-term local key acts as unless it was created explicitly. */
export const DEFAULT_USER_NAME = 'localcloud';

function userOutput(user: StoredUser): Record<string, unknown> {
  return {
    Path: user.Path,
    UserName: user.UserName,
    UserId: user.UserId,
    Arn: user.Arn,
    CreateDate: user.CreateDate,
  };
}

/** A new user's record (fresh UserId, ARN from the path). */
export function newUser(accountId: string, name: string, path: string, now: number): StoredUser {
  return {
    UserName: name,
    UserId: iamUniqueId('AIDA'),
    Arn: `arn:aws:iam::${accountId}:user${path}${name}`,
    Path: path,
    CreateDate: isoSeconds(now),
  };
}

export function createUser(input: Input, ctx: RequestContext) {
  const name = checkName('userName', required<string>(input, 'UserName'));
  const path = checkPath(input.Path);
  const iam = iamStateOf(ctx.accountState);
  if (Object.values(iam.users).some((u) => u.UserName.toLowerCase() === name.toLowerCase())) {
    throw entityAlreadyExists(`User with name ${name} already exists.`);
  }
  const user = newUser(ctx.accountId, name, path, ctx.now);
  iam.users[name] = user;
  return { User: userOutput(user) };
}

/** GetUser without UserName answers the caller, as IAM does; the default caller exists implicitly. */
export function getUser(input: Input, ctx: RequestContext) {
  const name = input.UserName ?? DEFAULT_USER_NAME;
  const users = iamStateOf(ctx.accountState).users;
  const user =
    users[name] ?? Object.values(users).find((u) => u.UserName.toLowerCase() === name.toLowerCase());
  if (user) return { User: userOutput(user) };
  if (input.UserName === undefined) {
    return {
      User: {
        Path: '/',
        UserName: DEFAULT_USER_NAME,
        UserId: ctx.accessKeyId,
        Arn: `arn:aws:iam::${ctx.accountId}:user/${DEFAULT_USER_NAME}`,
        CreateDate: '2020-01-01T00:00:00Z',
      },
    };
  }
  throw noSuchEntity(`The user with name ${name} cannot be found.`);
}

export function listUsers(input: Input, ctx: RequestContext) {
  const prefix = input.PathPrefix ?? '/';
  const users = Object.values(iamStateOf(ctx.accountState).users).filter((u) => u.Path.startsWith(prefix));
  const { page, ...rest } = pageByName(users, (u) => u.UserName, input.Marker, maxItemsOf(input.MaxItems));
  return { Users: page.map(userOutput), ...rest };
}
