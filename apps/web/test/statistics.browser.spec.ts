import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SECTIONS, YEAR_OVER_YEAR, type FigureSection, type StatisticsAnswer } from '../src/pages/statistics/figures';
import { checkpoint, expect, expectNoSidewaysScroll, SCREENSHOTS, signInAs, test } from './support/portal';
import { embeddedEnv, REPO_ROOT, startApi, type RunningApi } from './support/servers';

// The observer's statistics page over a generated history: every figure on the page equals the
// API's answer for the same period, withheld cells say "minder dan 5", and the CSV download has
// Dutch column names. The history goes into a data folder of its own, served by its own API.
test.describe.configure({ mode: 'serial' });

let api: RunningApi;
let token = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dataDir = path.join(REPO_ROOT, '.tmp', 'browser-data', `statistics-${Date.now()}`);
  execFileSync(
    process.execPath,
    [
      'dist/apps/seed-history/src/main.js',
      '--cases',
      '400',
      '--from',
      '2016',
      '--to',
      '2026',
      '--seed',
      '12',
      '--data-dir',
      dataDir,
      '--until',
      '2026-06-30T12:00:00Z',
    ],
    { cwd: REPO_ROOT, env: embeddedEnv(), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  api = await startApi({ DATA_DIR: dataDir, AUTH_MODE: 'dev', RATE_LIMIT_TOKENS_PER_ADDRESS: '0', RATE_LIMIT_TOKENS_PER_USER: '0' });
  const response = await fetch(`${api.url}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId: 'obs-karin' }),
  });
  token = ((await response.json()) as { accessToken: string }).accessToken;
});

test.afterAll(async () => {
  await api?.stop();
});

async function statistics(query: Record<string, string>): Promise<StatisticsAnswer> {
  const response = await fetch(`${api.url}/api/statistics?${new URLSearchParams(query)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as StatisticsAnswer;
}

// Written here on purpose rather than imported: the page's own formatting is what is under test.
function expected(answer: StatisticsAnswer, scope: string, figurePath: string, kind: string): string {
  const figures = (scope === 'overall' ? answer : answer.periods.find((p) => p.period === scope)!) as unknown as Record<string, unknown>;
  const value = figurePath.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], figures) as number | null;
  const withheld = answer.suppressed.some((s) => s.period === scope && (s.cell === figurePath || figurePath.startsWith(`${s.cell}.`)));
  if (withheld) {
    expect(value, `${scope} ${figurePath} is withheld, so the API sends null`).toBeNull();
    return kind === 'count' ? 'minder dan 5' : 'niet getoond: minder dan 5 zaken';
  }
  if (value === null) return kind === 'count' ? '0' : 'geen zaken';
  if (kind === 'rate') return `${Math.round(value * 100)}%`;
  if (kind === 'days') return new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat('nl-NL').format(value);
}

/** Every cell of the table captioned like the section against the API's figures, scope by scope. */
async function expectTableEqualsApi(page: Page, answer: StatisticsAnswer, section: FigureSection, scopes: string[]) {
  const table = page.getByRole('table', { name: section.caption, exact: true });
  await expect(table).toBeVisible();
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(section.rows.length + 1);
  for (const [i, row] of section.rows.entries()) {
    const tableRow = rows.nth(i + 1);
    await expect(tableRow.getByRole('rowheader')).toHaveText(row.label);
    const shown = (await tableRow.getByRole('cell').allTextContents()).map((t) => t.trim());
    expect(shown, `${section.caption}: ${row.label}`).toEqual(scopes.map((scope) => expected(answer, scope, row.path, row.kind)));
  }
}

async function expectPageEqualsApi(page: Page, answer: StatisticsAnswer, scopes: string[]) {
  for (const question of SECTIONS) for (const section of question.sections) await expectTableEqualsApi(page, answer, section, scopes);
  const glance = page.getByRole('region', { name: /^In het kort/ });
  await expect(glance.getByRole('definition').first()).toHaveText(expected(answer, 'overall', 'filed', 'count'));
}

test('observer: every figure equals the API, withheld cells say "minder dan 5", the CSV has Dutch headers', async ({ page }) => {
  await page.goto(`${api.url}/inloggen?terug=${encodeURIComponent('/statistieken')}`);
  // The body's own people and the observers are folded away below the parties.
  await page.getByText('Medewerkers van de geschilleninstantie en toezicht').click();
  await signInAs(page, 'Karin Vos');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Statistieken' }).click();
  await expect(page).toHaveTitle(/^Statistieken - /);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistieken');

  // The last whole year is shown first, its quarters beside the total.
  const year = String(Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date())) - 1);
  await expect(page.getByLabel('Periode')).toHaveValue(year);
  const yearAnswer = await statistics({ from: `${year}-01-01`, to: `${year}-12-31`, groupBy: 'quarter' });
  expect(yearAnswer.audience).toBe('observer');
  expect(yearAnswer.suppressed.length, 'the generated history has small cells to withhold').toBeGreaterThan(0);
  await expect(page.getByRole('table', { name: 'Aantal zaken', exact: true })).toBeVisible();
  await expectPageEqualsApi(page, yearAnswer, [...yearAnswer.periods.map((p) => p.period), 'overall']);
  await expect(page.getByRole('cell', { name: 'minder dan 5', exact: true }).first()).toBeVisible();
  await checkpoint(page, '20-statistieken-jaar');
  await page.getByRole('heading', { name: 'Hoeveel zaken?' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, '20-statistieken-jaar-grafiek.png') });
  await page
    .getByRole('region', { name: 'Tabel: Mediations: het uitkomstenregister' })
    .screenshot({ path: path.join(SCREENSHOTS, '20-statistieken-mediations.png') });

  // The year-over-year view: every whole year side by side.
  const years = await statistics({ from: '2016-01-01', to: `${year}-12-31`, groupBy: 'year' });
  await expectTableEqualsApi(
    page,
    years,
    YEAR_OVER_YEAR,
    years.periods.map((p) => p.period),
  );

  // The CSV download: the API's rows under Dutch column names.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download de cijfers als CSV (het jaar ${year})` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`statistieken-${year}.csv`);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const apiCsv = await (
    await fetch(`${api.url}/api/statistics?from=${year}-01-01&to=${year}-12-31&groupBy=quarter&format=csv`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).text();
  const [header, ...lines] = csv.split('\r\n');
  expect(header).toBe('periode,van,tot en met,cijfer,waarde,afgeschermd (minder dan 5)');
  expect(lines).toEqual(apiCsv.split('\r\n').slice(1));
  expect(lines.some((l) => l.endsWith(',,true'))).toBe(true);

  // A single quarter, chosen by keyboard: the quarter is its own total.
  await page.getByLabel('Periode').focus();
  await page.getByLabel('Periode').selectOption({ label: '2e kwartaal 2026' });
  const quarter = await statistics({ from: '2026-04-01', to: '2026-06-30', groupBy: 'quarter' });
  await expect(page.getByRole('heading', { name: 'In het kort: 2e kwartaal 2026' })).toBeVisible();
  await expectPageEqualsApi(page, quarter, ['overall']);
  await checkpoint(page, '21-statistieken-kwartaal');
  await page.getByRole('heading', { name: 'Jaar op jaar' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, '22-statistieken-jaar-op-jaar.png') });

  // At 320 px wide every chart, its legend included, fits the window (WCAG 1.4.10): first the
  // quarter, then the year with its wider tables, each with every chart drawn.
  await page.setViewportSize({ width: 320, height: 800 });
  await expectChartsDrawn(page);
  await expectNoSidewaysScroll(page, 'statistieken kwartaal');
  await checkpoint(page, '23-statistieken-kwartaal-320');
  await page.getByLabel('Periode').selectOption({ label: `Het jaar ${year}` });
  await expect(page.getByRole('heading', { name: `In het kort: heel ${year}` })).toBeVisible();
  await expectChartsDrawn(page);
  await expectNoSidewaysScroll(page, 'statistieken jaar');
  // The year-over-year legend is an HTML list (it wraps): one item per line drawn, that is per count
  // not withheld in every year.
  const withheld = (period: string, cell: string) =>
    years.suppressed.some((s) => s.period === period && (s.cell === cell || cell.startsWith(`${s.cell}.`)));
  const drawn = YEAR_OVER_YEAR.rows.filter((r) => r.kind === 'count' && years.periods.some((p) => !withheld(p.period, r.path)));
  await expect(page.getByRole('list', { name: 'Legenda' }).getByRole('listitem')).toHaveText(drawn.map((r) => r.label));
  await checkpoint(page, '24-statistieken-jaar-320');
  await page
    .locator('figure.gzc-chart')
    .first()
    .screenshot({ path: path.join(SCREENSHOTS, '24-statistieken-grafiek-320.png') });
  await page
    .locator('figure.gzc-chart')
    .last()
    .screenshot({ path: path.join(SCREENSHOTS, '24-statistieken-jaar-op-jaar-320.png') });
});

/** Every chart's drawing is in (the chart library comes in a chunk of its own, after the tables). */
async function expectChartsDrawn(page: Page) {
  const charts = page.locator('figure.gzc-chart');
  await expect(charts.first()).toBeVisible();
  await expect(page.locator('figure.gzc-chart .recharts-wrapper')).toHaveCount(await charts.count());
}
