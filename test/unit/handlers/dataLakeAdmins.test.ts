import { describe, expect, it } from 'vitest';
import {
  addAdmins,
  entryTag,
  keepTags,
  physicalId,
  removeAdmins,
  subtractLists,
} from '../../../src/handlers/dataLakeAdmins.ts';

const ours = 'arn:aws:iam::111122223333:role/lakemirror-apply';
const reader = 'arn:aws:iam::111122223333:role/lakemirror-verify';
const human = 'arn:aws:iam::111122223333:role/DataLakeAdmin';
const principal = (arn: string) => ({ DataLakePrincipalIdentifier: arn });

describe('addAdmins', () => {
  it('appends missing ARNs and keeps every existing admin and setting', () => {
    const settings = {
      DataLakeAdmins: [principal(human)],
      CreateDatabaseDefaultPermissions: [],
      Parameters: { CROSS_ACCOUNT_VERSION: '4' },
    };
    const result = addAdmins(settings, { admins: [ours], readOnlyAdmins: [reader] });
    expect(result.changed).toBe(true);
    expect(result.preexisting).toEqual([]);
    expect(result.settings).toEqual({
      DataLakeAdmins: [principal(human), principal(ours)],
      ReadOnlyAdmins: [principal(reader)],
      CreateDatabaseDefaultPermissions: [],
      Parameters: { CROSS_ACCOUNT_VERSION: '4' },
    });
    expect(settings.DataLakeAdmins).toEqual([principal(human)]);
  });

  it('changes nothing when the ARNs are there and tags them as pre-existing', () => {
    const result = addAdmins(
      { DataLakeAdmins: [principal(ours)] },
      { admins: [ours, ours], readOnlyAdmins: [] },
    );
    expect(result.changed).toBe(false);
    expect(result.preexisting).toEqual([entryTag('admins', ours)]);
    expect(result.settings.DataLakeAdmins).toEqual([principal(ours)]);
  });
});

describe('removeAdmins', () => {
  it('removes only the given ARNs', () => {
    const settings = {
      DataLakeAdmins: [principal(human), principal(ours)],
      ReadOnlyAdmins: [principal(reader)],
    };
    const result = removeAdmins(settings, { admins: [ours], readOnlyAdmins: [reader] });
    expect(result.changed).toBe(true);
    expect(result.settings).toEqual({ DataLakeAdmins: [principal(human)], ReadOnlyAdmins: [] });
  });

  it('keeps entries that were there before lakemirror added them', () => {
    const keep = keepTags(physicalId('us-west-2', [entryTag('admins', ours)]));
    const result = removeAdmins(
      { DataLakeAdmins: [principal(ours)] },
      { admins: [ours], readOnlyAdmins: [] },
      keep,
    );
    expect(result.changed).toBe(false);
    expect(result.settings.DataLakeAdmins).toEqual([principal(ours)]);
  });

  it('is a no-op on settings without admin lists', () => {
    expect(removeAdmins({}, { admins: [ours], readOnlyAdmins: [] })).toEqual({
      settings: {},
      changed: false,
    });
  });
});

describe('physical IDs and updates', () => {
  it('round-trips the keep tags and stays short', () => {
    const tags = [entryTag('admins', ours), entryTag('readOnlyAdmins', reader)];
    expect(physicalId('us-west-2', [])).toBe('lakemirror-lf-admins/us-west-2');
    expect(keepTags(physicalId('us-west-2', tags))).toEqual(new Set(tags));
    expect(keepTags('lakemirror-lf-admins/us-west-2').size).toBe(0);
  });

  it('an update stops managing only the ARNs dropped from the properties', () => {
    expect(
      subtractLists(
        { admins: [ours, human], readOnlyAdmins: [reader] },
        { admins: [ours], readOnlyAdmins: [] },
      ),
    ).toEqual({
      admins: [human],
      readOnlyAdmins: [reader],
    });
  });
});
