import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/html/escapeHtml.ts';
import { formatValue } from '../../src/report/html/format.ts';
import { renderLagChart } from '../../src/report/html/lagChart.ts';
import { renderDriftHtml } from '../../src/report/html/renderDriftPage.ts';
import { renderDrillHtml } from '../../src/report/html/renderDrillPage.ts';
import { parseReport } from '../../src/report/reportTypes.ts';
import { reportFormatFor, serializeReport } from '../../src/report/writeReport.ts';
import { driftReport, failingDrill, HOSTILE_NAME, passingDrill } from './fixtures.ts';

const verdictOf = (page: string) => /data-testid="verdict">([^<]*)</.exec(page)?.[1];
const rowCount = (page: string) => page.match(/data-testid="drift-row"/g)?.length ?? 0;

describe('escapeHtml', () => {
  it('escapes the five HTML metacharacters and keeps Unicode', () => {
    expect(escapeHtml(`<a href="x">'&'</a> ü日本`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; ü日本',
    );
  });
});

describe('renderDrillHtml', () => {
  it('escapes hostile object names everywhere they appear', () => {
    const page = renderDrillHtml(failingDrill());

    expect(page).not.toContain('<script');
    expect(page).not.toContain(HOSTILE_NAME);
    expect(page).toContain(escapeHtml(HOSTILE_NAME));
    expect(page).toContain('ü日本');
  });

  it('says FAIL for a failing drill and PASS for a passing one', () => {
    expect(verdictOf(renderDrillHtml(failingDrill()))).toBe('FAIL');
    expect(verdictOf(renderDrillHtml(passingDrill()))).toBe('PASS');
  });

  it('shows the failover RTO card with its steps only for a drill run with --failover', () => {
    const page = renderDrillHtml(failingDrill());
    const card = page.slice(page.indexOf('data-testid="card-failover-rto"'));
    expect(card).toMatch(/Failover RTO[\s\S]*?7\.5 min[\s\S]*?verify 61\.0 s/);
    expect(renderDrillHtml(passingDrill())).not.toContain('card-failover-rto');
  });

  it('renders one drift row per drifted object across targets', () => {
    const report = failingDrill();
    const expected = report.targets.reduce((n, t) => n + t.drift.length, 0);

    expect(rowCount(renderDrillHtml(report))).toBe(expected);
    expect(rowCount(renderDrillHtml(passingDrill()))).toBe(0);
  });

  it('shows each differing field as path: before → after, truncating long values', () => {
    const page = renderDrillHtml(failingDrill());

    expect(page).toMatch(
      /StorageDescriptor\.Columns\[2\]\.Type<\/span>: <span class="before">&quot;int&quot;/,
    );
    expect(page).toContain('&quot;bigint&quot;');
    expect(page).toContain('(absent)');
    const shown = /<span class="after" title="[^"]*">([^<]*)<\/span>/.exec(page)?.[1] ?? '';
    expect(shown).toMatch(/^&quot;x+…$/);
    expect(shown.length).toBeLessThan(130);
  });

  it('lists failing checks first, with their fix', () => {
    const page = renderDrillHtml(failingDrill());
    const statuses = [...page.matchAll(/data-testid="check" data-status="(\w+)"/g)].map((m) => m[1]);

    expect(statuses).toEqual(['fail', 'skipped', 'pass', 'pass']);
    expect(page).toContain('How to fix:');
  });

  it('is self-contained: no external URLs, scripts or sources', () => {
    for (const page of [renderDrillHtml(failingDrill()), renderDrillHtml(passingDrill())]) {
      expect(page).not.toMatch(/https?:\/\//);
      expect(page).not.toMatch(/\bsrc=/);
      expect(page).not.toMatch(/<link\b|<script\b|@import|url\(/);
      expect(page).toContain("default-src 'none'");
    }
  });

  it('titles the page with what and when', () => {
    expect(renderDrillHtml(failingDrill())).toContain(
      '<title>lakemirror DR drill: FAIL — 2025-03-14 09:41:07 UTC</title>',
    );
  });

  it('draws the lag chart, or an empty state when there are no samples', () => {
    expect(renderDrillHtml(failingDrill())).toMatch(/data-testid="lag-chart"[\s\S]*<polyline class="line"/);
    const empty = renderDrillHtml({ ...failingDrill(), lagHistory: [] });
    expect(empty).toContain('data-testid="lag-chart-empty"');
    expect(empty).not.toContain('<svg');
  });
});

describe('renderLagChart', () => {
  it('draws the RPO limit when it is in range and says so when it is not', () => {
    const samples = [
      { time: '2025-03-14T09:00:00Z', lagSeconds: 600 },
      { time: '2025-03-14T09:05:00Z', lagSeconds: 1200 },
    ];
    expect(renderLagChart(samples, { limitSeconds: 900 }).value).toContain('class="limit"');
    const far = renderLagChart(samples, { limitSeconds: 86_400 }).value;
    expect(far).not.toContain('class="limit"');
    expect(far).toContain('far above this range');
  });

  it('copes with a single sample', () => {
    const chart = renderLagChart([{ time: '2025-03-14T09:00:00Z', lagSeconds: 0 }]).value;
    expect(chart).toContain('<polyline');
    expect(chart).not.toContain('NaN');
  });
});

describe('renderDriftHtml', () => {
  it('renders the verify result with its verdict and rows', () => {
    const page = renderDriftHtml(driftReport());
    expect(verdictOf(page)).toBe('DRIFT');
    expect(rowCount(page)).toBe(4);
    expect(page).toContain('<title>lakemirror drift us-east-1 → us-west-2: 4 objects drifted');
    expect(page).toContain('data-category="onlyInTarget"');
    expect(verdictOf(renderDriftHtml(driftReport({ inSync: true, drift: [] })))).toBe('IN SYNC');
  });

  it('shows the leak check in its own section, escaped, even when nothing drifted', () => {
    const page = renderDriftHtml(
      driftReport({
        inSync: false,
        drift: [],
        leaks: [
          {
            kind: 'table',
            key: HOSTILE_NAME,
            field: 'input.Parameters.location',
            names: 'sourceBucket',
            reference: 's3://src-bucket',
          },
        ],
      }),
    );
    expect(verdictOf(page)).toBe('DRIFT');
    expect(page).toContain('Leak check: references to the source');
    expect(page.match(/data-testid="leak-row"/g)).toHaveLength(1);
    expect(page).not.toContain('<script>window.__pwned');
    expect(page).toContain('1 reference to the source found in the target by the leak check');
  });
});

describe('formatValue', () => {
  it('never cuts a surrogate pair', () => {
    const { text, truncated } = formatValue('😀'.repeat(200), 10);
    expect(truncated).toBe(true);
    expect(Array.from(text)).toHaveLength(10);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('writeReport', () => {
  it('picks the format by extension', () => {
    expect(reportFormatFor('out/drill.HTML')).toBe('html');
    expect(reportFormatFor('drill.htm')).toBe('html');
    expect(reportFormatFor('drill.json')).toBe('json');
    expect(reportFormatFor('-')).toBe('json');
    expect(() => reportFormatFor('drill.txt')).toThrow(/cannot tell the report format of 'drill.txt'/);
  });

  it('round-trips the JSON form through the schema', () => {
    const report = failingDrill();
    const parsed = parseReport(JSON.parse(serializeReport(report, 'json')));
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
    expect(() => parseReport({ ...report, verdict: 'maybe' })).toThrow();
  });

  it('renders HTML for either kind', () => {
    expect(serializeReport(failingDrill(), 'html')).toContain('Disaster-recovery drill');
    expect(serializeReport(driftReport(), 'html')).toContain('Catalog drift');
  });
});

describe('page shell', () => {
  it('inlines the stylesheet verbatim (quotes in CSS are not entity-escaped)', () => {
    const page = renderDrillHtml(passingDrill());
    const css = /<style>([\s\S]*)<\/style>/.exec(page)?.[1] ?? '';
    expect(css).toContain('font-family: var(--mono)');
    expect(css).not.toContain('&quot;');
  });
});
