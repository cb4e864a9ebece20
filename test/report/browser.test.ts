import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDrillHtml } from '../../src/report/html/renderDrillPage.ts';
import { failingDrill, HOSTILE_NAME, passingDrill } from './fixtures.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
// The project compiles without DOM types, so in-page expressions go to page.evaluate() as strings.
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  console.warn(
    `Skipping the report browser test: no Chromium at ${CHROMIUM}. ` +
      'Install it with `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH).',
  );
}

/** Writes the page next to its screenshot and opens it from disk, as a person opening the artifact would. */
async function open(page: Page, name: string, markup: string): Promise<void> {
  const file = join(ARTIFACTS, `${name}.html`);
  await writeFile(file, markup, 'utf8');
  await page.goto(pathToFileURL(file).href);
}

describe.skipIf(!hasChromium)('drill report in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows FAIL and a row naming the changed table and its differing field', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });

    await open(page, 'drill-report', renderDrillHtml(failingDrill()));

    await expect(page.getByTestId('verdict').textContent()).resolves.toBe('FAIL');
    const row = page
      .getByTestId('drift-row')
      .filter({ has: page.getByRole('cell', { name: 'sales.orders', exact: true }) });
    await expect(row.count()).resolves.toBe(1);
    const rowText = await row.innerText();
    expect(rowText).toContain('update');
    expect(rowText).toMatch(/StorageDescriptor\.Columns\[2\]\.Type: "int"\s*→\s*"bigint"/);
    // The fixture's four drift items: one different, two missing in target, one only in target.
    await expect(page.getByTestId('drift-row').count()).resolves.toBe(4);
    await expect(page.getByTestId('drift-row').filter({ hasText: HOSTILE_NAME }).count()).resolves.toBe(1);
    await expect(page.evaluate('window.__pwned')).resolves.toBeUndefined();
    await expect(page.getByTestId('check').first().getAttribute('data-status')).resolves.toBe('fail');
    await expect(page.locator('[data-testid="lag-chart"] svg').isVisible()).resolves.toBe(true);
    // drill --failover: the rehearsed failover's RTO, with its steps.
    const failover = page.getByTestId('card-failover-rto');
    await expect(failover.isVisible()).resolves.toBe(true);
    await expect(failover.innerText()).resolves.toMatch(/Failover RTO[\s\S]*7\.5 min[\s\S]*verify 61\.0 s/i);
    expect(requests).toEqual([]);

    await page.screenshot({ path: join(ARTIFACTS, 'drill-report.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(ARTIFACTS, 'drill-report-dark.png'), fullPage: true });
    await page.close();
  });

  it('shows PASS with no drift rows for a passing drill', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });

    await open(page, 'drill-report-pass', renderDrillHtml(passingDrill()));

    await expect(page.getByTestId('verdict').textContent()).resolves.toBe('PASS');
    await expect(page.getByTestId('drift-row').count()).resolves.toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'drill-report-pass.png'), fullPage: true });
    await page.close();
  });

  it('stays readable on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });

    await open(page, 'drill-report-narrow', renderDrillHtml(failingDrill()));

    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'drill-report-narrow.png'), fullPage: true });
    await page.close();
  });
});
