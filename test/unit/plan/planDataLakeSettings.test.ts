import { describe, expect, it } from 'vitest';
import { planDataLakeSettings } from '../../../src/plan/planDataLakeSettings.ts';
import { ANALYST, admin, ETL, settings } from '../support/records.ts';

const DR_ADMIN = 'arn:aws:iam::123456789012:role/dr-admin';

describe('planDataLakeSettings', () => {
  it('adds source admins and keeps a target-only admin without deleteMissing', () => {
    const source = [settings({ DataLakeAdmins: [admin(ANALYST)] })];
    const target = [settings({ DataLakeAdmins: [admin(DR_ADMIN)] })];

    const actions = planDataLakeSettings(source, target, { deleteMissing: false });

    expect(actions).toHaveLength(1);
    expect(actions[0]?.desired?.settings.DataLakeAdmins).toEqual([admin(ANALYST), admin(DR_ADMIN)]);
  });

  it('keeps target-only admins when real-time mirrors deletions but pruning admins was not asked for', () => {
    const source = [settings({ DataLakeAdmins: [admin(ANALYST)] })];
    const target = [settings({ DataLakeAdmins: [admin(DR_ADMIN)] })];

    const actions = planDataLakeSettings(source, target, { deleteMissing: true, pruneAdmins: false });

    expect(actions[0]?.desired?.settings.DataLakeAdmins).toEqual([admin(ANALYST), admin(DR_ADMIN)]);
  });

  it('removes target-only admins with deleteMissing but never protected principals', () => {
    const source = [settings({ DataLakeAdmins: [admin(ANALYST)] })];
    const target = [
      settings({ DataLakeAdmins: [admin(DR_ADMIN), admin(ETL)], ReadOnlyAdmins: [admin(ETL)] }),
    ];

    const actions = planDataLakeSettings(source, target, { deleteMissing: true, protectedPrincipals: [ETL] });

    expect(actions[0]?.desired?.settings).toEqual({
      DataLakeAdmins: [admin(ANALYST), admin(ETL)],
      ReadOnlyAdmins: [admin(ETL)],
    });
  });

  it('takes default permissions and parameters from the source', () => {
    const source = [
      settings({
        CreateDatabaseDefaultPermissions: [],
        Parameters: { CROSS_ACCOUNT_VERSION: '4' },
        TrustedResourceOwners: ['111111111111'],
      }),
    ];
    const target = [
      settings({
        CreateDatabaseDefaultPermissions: [
          { Principal: admin('IAM_ALLOWED_PRINCIPALS'), Permissions: ['ALL'] },
        ],
        Parameters: { CROSS_ACCOUNT_VERSION: '3' },
        TrustedResourceOwners: ['222222222222'],
      }),
    ];

    const actions = planDataLakeSettings(source, target, { deleteMissing: false });

    expect(actions[0]?.desired?.settings).toEqual({
      Parameters: { CROSS_ACCOUNT_VERSION: '4' },
      TrustedResourceOwners: ['111111111111', '222222222222'],
    });
  });

  it('plans nothing when merged settings equal the target', () => {
    const source = [settings({ DataLakeAdmins: [admin(ANALYST)] })];
    const target = [settings({ DataLakeAdmins: [admin(ANALYST), admin(DR_ADMIN)] })];

    expect(planDataLakeSettings(source, target, { deleteMissing: false })).toEqual([]);
  });
});
