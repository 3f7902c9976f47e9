import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkpoint, expect, signInAs, test } from './support/portal';
import { REPO_ROOT, startApi, type RunningApi } from './support/servers';

// The dossier in the portal: "Dossier downloaden" on the case page, then /controleren verifies it
// in the page (File API + WebCrypto, nothing uploaded), names a removed event in a changed copy,
// and passes axe with 0 violations, also at 320 px wide and by keyboard alone.
// Its own API and data folder: the case it files must not show up in the other tests' lists.
test.describe.configure({ mode: 'serial' });

let api: RunningApi;

test.beforeAll(async () => {
  api = await startApi({
    DATA_DIR: path.join(REPO_ROOT, '.tmp', 'browser-data', `dossier-${Date.now()}`),
    AUTH_MODE: 'dev',
    RATE_LIMIT_TOKENS_PER_ADDRESS: '0',
    RATE_LIMIT_TOKENS_PER_USER: '0',
  });
});

test.afterAll(async () => {
  await api?.stop();
});

async function post(userId: string, urlPath: string, body: object): Promise<Response> {
  const token = await fetch(`${api.url}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  const { accessToken } = (await token.json()) as { accessToken: string };
  return fetch(`${api.url}${urlPath}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify(body),
  });
}

test('download the dossier and verify it in the browser, intact and changed', async ({ page }, testInfo) => {
  const filed = await post('prov-anna', '/api/disputes', {
    phase: 'precontractual',
    legalFramework: 'zvw',
    sector: 'physiotherapy_paramedical',
    subjects: ['tariff'],
    contractYear: new Date().getUTCFullYear(),
    claimantOrganisationIds: ['org-fysio-delinde'],
    respondentOrganisationIds: ['org-zv-noord'],
    summary: 'Het geboden tarief dekt de kosten van de zorg niet.',
    claims: [{ description: 'Een kostendekkend tarief', amountCents: 1_250_000 }],
    amountInDisputeCents: 1_250_000,
    proposedRoute: 'mediation',
    urgent: false,
  });
  expect(filed.status).toBe(201);
  const id = ((await filed.json()) as { id: string }).id;
  expect((await post('sec-jan', `/api/disputes/${id}/register`, {})).status).toBe(200);

  await page.goto(`${api.url}/inloggen?terug=/zaken/${id}`);
  await signInAs(page, 'Anna de Linde');
  await expect(page.getByRole('button', { name: 'Dossier downloaden' })).toBeVisible();
  await checkpoint(page, 'dossier-case-page');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Dossier downloaden' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^dossier-GZC-\d{4}-\d{4}\.zip$/);
  const saved = testInfo.outputPath('dossier.zip');
  await download.saveAs(saved);

  // Nothing leaves the page while it verifies: only the public key may be fetched.
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));

  await page.getByRole('link', { name: 'zelf controleren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier controleren' })).toBeVisible();
  await checkpoint(page, 'dossier-verify-empty');

  // Keyboard only: the file input, then the button.
  await page.getByLabel('Dossier (ZIP-bestand)').setInputFiles(saved);
  await page.getByLabel('Dossier (ZIP-bestand)').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Controleer het dossier' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('In orde: het dossier is compleet en niet veranderd.')).toBeVisible();
  await expect(page.getByText(/De handtekening klopt\. Het dossier is ondertekend door de Geschilleninstantie/)).toBeVisible();
  await checkpoint(page, 'dossier-verify-intact');

  // A copy with the first event removed: the page names it.
  const files = unzipSync(new Uint8Array(fs.readFileSync(saved)));
  files['events.jsonl'] = strToU8(
    strFromU8(files['events.jsonl'])
      .split('\n')
      .filter(Boolean)
      .slice(1)
      .map((l) => `${l}\n`)
      .join(''),
  );
  const changed = testInfo.outputPath('dossier-gewijzigd.zip');
  fs.writeFileSync(changed, zipSync(files));
  await page.setViewportSize({ width: 320, height: 900 });
  await page.getByLabel('Dossier (ZIP-bestand)').setInputFiles(changed);
  await page.getByRole('button', { name: 'Controleer het dossier' }).click();
  await expect(page.getByText('Niet in orde: het dossier is veranderd of onvolledig.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Gebeurtenis 0 is verwijderd.' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Bestand gewijzigd: events.jsonl.' })).toBeVisible();
  await checkpoint(page, 'dossier-verify-changed-320');
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits).toBe(true);

  expect(requests.filter((r) => !r.startsWith('GET '))).toEqual([]);
  expect(requests.filter((r) => r.startsWith('GET /api/'))).toEqual([]);
});
