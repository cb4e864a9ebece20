import { describe, expect, it } from 'vitest';
import { isDestructive } from '../../../src/engine/destructive.ts';
import type { Action } from '../../../src/plan/actions.ts';

const admin = (id: string) => ({ DataLakePrincipalIdentifier: id });
const settings = (s: Record<string, unknown>) => ({ kind: 'dataLakeSettings', settings: s }) as never;

describe('isDestructive', () => {
  it('treats deletes and catalog updates as destructive, creates not', () => {
    expect(isDestructive({ kind: 'table', op: 'delete', key: 'a.b' } as Action)).toBe(true);
    expect(isDestructive({ kind: 'table', op: 'update', key: 'a.b' } as Action)).toBe(true);
    expect(isDestructive({ kind: 'table', op: 'create', key: 'a.b' } as Action)).toBe(false);
  });

  it('lets a settings update that only adds admins or changes defaults through', () => {
    const action = {
      kind: 'dataLakeSettings',
      op: 'update',
      key: 'settings',
      current: settings({
        CreateDatabaseDefaultPermissions: [{ Principal: admin('IAM_ALLOWED_PRINCIPALS') }],
      }),
      desired: settings({ DataLakeAdmins: [admin('arn:aws:iam::1:role/a')] }),
    } as Action;
    expect(isDestructive(action)).toBe(false);
  });

  it('flags a settings update that removes an admin', () => {
    const action = {
      kind: 'dataLakeSettings',
      op: 'update',
      key: 'settings',
      current: settings({ DataLakeAdmins: [admin('arn:aws:iam::1:role/dr')] }),
      desired: settings({ DataLakeAdmins: [] }),
    } as Action;
    expect(isDestructive(action)).toBe(true);
  });
});
