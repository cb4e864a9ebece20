import { describe, expect, it } from 'vitest';
import { GLUE, LAKE_FORMATION, stringProblem } from '../../../src/model/awsLimits.ts';
import { recordLimitIssues } from '../../../src/model/recordLimits.ts';
import { database, grant, onTable, partition, table } from '../support/records.ts';

describe('the Glue single-line and multi-line patterns', () => {
  it.each([
    ['plain ASCII', 'sales_2024', true],
    ['a tab', 'a\tb', true],
    ['non-Latin letters and an emoji (a surrogate pair)', 'ventes_été_🙂', true],
    ['a line feed', 'a\nb', false],
    ['a carriage return', 'a\rb', false],
    ['NUL', 'a\u0000b', false],
    ['U+FFFF', 'a\uFFFFb', false],
    ['a lone high surrogate', 'a\uD800b', false],
  ])('NameString with %s: %s', (_what, value, ok) => {
    expect(stringProblem(value, GLUE.name) === undefined).toBe(ok);
  });

  it('DescriptionString allows line breaks but not other control characters', () => {
    expect(stringProblem('line one\r\nline two', GLUE.description)).toBeUndefined();
    expect(stringProblem('bell\u0007', GLUE.description)).toMatch(/control character/);
  });

  it('LFTagKey allows letters, digits, spaces and _.:/=+-@% only', () => {
    expect(stringProblem('team name_1:a/b=c+d-e@f%', LAKE_FORMATION.tagKey)).toBeUndefined();
    expect(stringProblem('team*', LAKE_FORMATION.tagKey)).toMatch(/LFTagKey allows/);
    expect(stringProblem('team*', LAKE_FORMATION.tagValue)).toBeUndefined();
  });
});

describe('recordLimitIssues', () => {
  it('finds nothing in records the API accepts', () => {
    const records = [
      database('sales'),
      table('sales', 'orders', { PartitionKeys: [{ Name: 'dt' }] }),
      partition('sales', 'orders', ['2024']),
      grant('arn:aws:iam::123456789012:role/analyst', onTable('sales', 'orders'), ['SELECT', 'DESCRIBE']),
    ];

    expect(records.flatMap(recordLimitIssues)).toEqual([]);
  });

  it('names the path of every field over a limit', () => {
    const bad = table('sales', 'orders', {
      Description: 'd'.repeat(2049),
      StorageDescriptor: { Columns: [{ Name: 'ok' }, { Name: 'x'.repeat(256) }], Parameters: { '': 'v' } },
    });

    expect(recordLimitIssues(bad).map((i) => i.path.join('.'))).toEqual([
      'input.Description',
      'input.StorageDescriptor.Columns.1.Name',
      'input.StorageDescriptor.Parameters',
    ]);
  });
});
