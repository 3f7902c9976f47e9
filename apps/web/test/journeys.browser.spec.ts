import type { Page } from '@playwright/test';
import { apiAction, apiToken, caseIdFrom, checkpoint, expect, signInAs, test } from './support/portal';

// The journeys of issue 11, as a person takes them: by role and label, never by CSS class. Each
// state visited is screenshotted and checked with axe (WCAG 2.2 AA, 0 violations).
test.describe.configure({ mode: 'serial' });

let annaCaseId = '';

async function answer(page: Page, choice: string | string[], shot: string) {
  for (const name of Array.isArray(choice) ? choice : [choice]) {
    await page.getByRole(Array.isArray(choice) ? 'checkbox' : 'radio', { name, exact: true }).check();
  }
  await checkpoint(page, shot);
  await page.getByRole('button', { name: 'Volgende vraag' }).click();
}

test('keuzehulp: a Wmo dispute is out of jurisdiction and says where to go', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Een geschil over uw zorgcontract? - Geschilleninstantie Zorgcontractering');
  await checkpoint(page, '00-start');
  await page.getByRole('link', { name: 'Start de keuzehulp' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Met wie heeft u een geschil?');
  await expect(page).toHaveTitle(/^Stap 1 van 6: Met wie heeft u een geschil\?/);
  await answer(page, 'Met een zorgverzekeraar', '01-keuzehulp-wederpartij');
  await answer(page, 'Wet maatschappelijke ondersteuning (Wmo)', '01-keuzehulp-wet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geschillen over de Wmo behandelen wij niet');
  await expect(page.getByText('Kijk in uw contract met de gemeente welke geschillenregeling geldt')).toBeVisible();
  await checkpoint(page, '01-keuzehulp-buiten-bereik');
});

test('keuzehulp → filing as prov-anna (small provider: relief in euros) → the secretariat acts next', async ({ page }) => {
  await page.goto('/keuzehulp');
  await answer(page, 'Met een zorgverzekeraar', '02-keuzehulp-1-wederpartij');
  await answer(page, 'Zorgverzekeringswet (Zvw)', '02-keuzehulp-2-wet');
  await answer(page, 'Ja, het geschil gaat over een lopend contract', '02-keuzehulp-3-contract');
  await page.getByRole('checkbox', { name: 'Omzetplafond of budgetplafond' }).check();
  await page.getByLabel('Om hoeveel geld gaat het ongeveer, in euro’s? (niet verplicht)').fill('12.500');
  await checkpoint(page, '02-keuzehulp-4-onderwerp');
  await page.getByRole('button', { name: 'Volgende vraag' }).click();
  await answer(page, 'Ja, mijn praktijk is klein', '02-keuzehulp-5-praktijk');
  await answer(page, 'Nee', '02-keuzehulp-6-spoed');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wij kunnen u helpen');
  const mediation = page.getByRole('region', { name: 'Mediation' });
  await expect(mediation).toContainText('U betaalt € 625.');
  await expect(mediation).toContainText('Omdat uw praktijk klein is, betaalt de verzekeraar € 625 van uw deel.');
  await expect(page.getByRole('region', { name: 'Arbitrage' })).toContainText('Wie beslist');
  await checkpoint(page, '02-keuzehulp-7-uitkomst');
  await page.getByRole('button', { name: 'Start uw aanvraag' }).click();

  // Not signed in yet: the demonstration sign-in, then back to the filing with the answers filled in.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen (demonstratie)');
  await expect(page.getByText('Dit is een demonstratie.')).toBeVisible();
  await checkpoint(page, '03-inloggen');
  await signInAs(page, 'Anna de Linde');

  await expect(page).toHaveTitle(/^Stap 1 van 7: Wie dient de aanvraag in\?/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Stap 1 van 7');
  await expect(page.getByRole('main').getByText('Fysiotherapie De Linde', { exact: true })).toBeVisible();
  await checkpoint(page, '04-aanvraag-1-wie');
  await page.getByRole('button', { name: 'Volgende stap' }).click();

  await expect(page).toHaveTitle(/^Stap 2 van 7/);
  await expect(page.getByRole('radio', { name: 'Contractueel', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Zorgverzekeringswet (Zvw)' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Omzetplafond of budgetplafond' })).toBeChecked();
  await page.getByLabel('Welke soort zorg?').selectOption({ label: 'Fysiotherapie en paramedische zorg' });
  await page.getByLabel('Over welk contractjaar gaat het?').fill('2026');
  await checkpoint(page, '04-aanvraag-2-geschil');
  await page.getByRole('button', { name: 'Volgende stap' }).click();

  await expect(page).toHaveTitle(/^Stap 3 van 7/);
  await page.getByLabel('Zoek de zorgverzekeraar op naam of UZOVI-code (niet verplicht)').fill('9001');
  await page.getByRole('checkbox', { name: 'Zorgverzekeraar Noord' }).check();
  await checkpoint(page, '04-aanvraag-3-wederpartij');
  await page.getByRole('button', { name: 'Volgende stap' }).click();

  await expect(page).toHaveTitle(/^Stap 4 van 7/);
  await page.getByLabel('Waar gaat het geschil over?').fill('Ons omzetplafond voor 2026 was in september bereikt. De verzekeraar wil het niet verhogen.');
  await page.getByLabel('Verzoek 1: wat vraagt u?').fill('Verhoog het omzetplafond 2026 met € 12.500');
  await page.getByLabel('Bedrag bij verzoek 1, in euro’s (niet verplicht)').fill('12.500');
  await expect(page.getByLabel('Om hoeveel geld gaat het in totaal, in euro’s?')).toHaveValue('12.500');
  await expect(page.getByRole('radio', { name: 'Mediation' })).toBeChecked();
  await expect(page.getByText(/U betaalt € 625 \(de verzekeraar betaalt € 625 van uw deel/)).toBeVisible();
  await checkpoint(page, '04-aanvraag-4-verzoek');
  await page.getByRole('button', { name: 'Volgende stap' }).click();

  await expect(page).toHaveTitle(/^Stap 5 van 7/);
  await expect(page.getByRole('radio', { name: 'Nee', exact: true })).toBeChecked();
  await checkpoint(page, '04-aanvraag-5-spoed');
  await page.getByRole('button', { name: 'Volgende stap' }).click();

  await expect(page).toHaveTitle(/^Stap 6 van 7/);
  await page.getByLabel('Kies een of meer bestanden (niet verplicht)').setInputFiles({ name: 'omzetplafond-2026.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  await expect(page.getByRole('group', { name: 'Wie mag omzetplafond-2026.pdf zien?' })).toBeVisible();
  await checkpoint(page, '04-aanvraag-6-documenten');
  await page.getByRole('button', { name: 'Volgende stap' }).click();

  await expect(page).toHaveTitle(/^Stap 7 van 7: Controleer uw aanvraag/);
  await expect(page.getByRole('link', { name: 'Wijzig wederpartij' })).toBeVisible();
  await expect(page.getByRole('main').getByText('Zorgverzekeraar Noord', { exact: true })).toBeVisible();
  await checkpoint(page, '04-aanvraag-7-controleren');
  await page.getByRole('button', { name: 'Versturen' }).click();

  await expect(page.getByText('Uw aanvraag is verstuurd.')).toBeVisible();
  const next = page.getByRole('region', { name: 'Wat gebeurt er nu?' });
  await expect(next).toContainText('Het secretariaat');
  await expect(page.getByRole('heading', { name: 'omzetplafond-2026.pdf' })).toBeVisible();
  await checkpoint(page, '05-zaak-aanbieder-ingediend');
  annaCaseId = caseIdFrom(page);
});

test('the secretariat registers; ins-carla finds it in her inbox and accepts mediation; anna sees what happens next', async ({ page, request, browser }) => {
  expect(annaCaseId).not.toBe('');
  await apiAction(request, await apiToken(request, 'sec-jan'), annaCaseId, 'register');

  await page.goto('/inloggen');
  await signInAs(page, 'Carla Noordhuis');
  await page.getByRole('link', { name: 'Te beantwoorden' }).click();
  await expect(page).toHaveTitle(/^Te beantwoorden/);
  const row = page.getByRole('row', { name: /Fysiotherapie De Linde/ });
  await expect(row).toContainText('Mediation');
  await checkpoint(page, '06-verzekeraar-inbox');
  await row.getByRole('link').click();
  await expect(page.getByRole('region', { name: 'Wat gebeurt er nu?' })).toContainText('U kiest');
  await checkpoint(page, '07-zaak-verzekeraar');
  await page.getByText('Meedoen met mediation').click();
  await checkpoint(page, '07-zaak-verzekeraar-formulier');
  await page.getByRole('button', { name: 'Meedoen', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('U doet mee met mediation.');
  await expect(page.getByText('Wacht op benoeming mediator of adviseur').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Wat gebeurt er nu?' })).toContainText('Het secretariaat zoekt een onafhankelijke mediator');
  await expect(page.getByRole('listitem').filter({ hasText: 'Zorgverzekeraar Noord heeft mediation geaccepteerd' })).toBeVisible();
  await checkpoint(page, '08-zaak-verzekeraar-geaccepteerd');

  const annaContext = await browser.newContext();
  const anna = await annaContext.newPage();
  await anna.goto('/inloggen?terug=/zaken');
  await signInAs(anna, 'Anna de Linde');
  await expect(anna).toHaveTitle(/^Mijn zaken/);
  await checkpoint(anna, '09-aanbieder-mijn-zaken');
  await anna.getByRole('link', { name: /GZC-\d{4}-\d{4}/ }).first().click();
  await expect(anna.getByRole('region', { name: 'Wat gebeurt er nu?' })).toContainText('Het secretariaat zoekt een onafhankelijke mediator');
  await checkpoint(anna, '10-zaak-aanbieder-na-acceptatie');

  // A document added on the case page shows at once, with its SHA-256, and is announced.
  await anna.getByText('Een document toevoegen').click();
  await anna.getByLabel('Bestand').setInputFiles({ name: 'productieafspraken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await anna.getByRole('button', { name: 'Document toevoegen' }).click();
  await expect(anna.getByRole('status', { name: 'Meldingen' })).toContainText('Het document productieafspraken.pdf is toegevoegd.');
  const documents = anna.getByRole('region', { name: 'Documenten' });
  await expect(documents.getByRole('heading', { name: 'productieafspraken.pdf' })).toBeVisible();
  await expect(documents).toContainText(/SHA-256\s*[0-9a-f]{64}/);
  await checkpoint(anna, '10-zaak-aanbieder-document');

  // The case as it stood on a date: read-only, no actions offered.
  await anna.getByLabel('Datum').fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()));
  await anna.getByRole('button', { name: 'Bekijken' }).click();
  await expect(anna.getByText(/U bekijkt de zaak zoals die was op/)).toBeVisible();
  await expect(anna.getByRole('region', { name: 'Wat kunt u doen?' })).toHaveCount(0);
  await checkpoint(anna, '10-zaak-aanbieder-op-datum');
  await annaContext.close();
});

test('my cases: search by the name of a party and filter by status', async ({ page }) => {
  await page.goto('/inloggen?terug=/zaken');
  await signInAs(page, 'Anna de Linde');
  await expect(page.getByRole('row', { name: /Zorgverzekeraar Noord/ })).toBeVisible();
  await page.getByRole('searchbox', { name: /Zoek op naam van een partij/ }).fill('Noord');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('row', { name: /Zorgverzekeraar Noord/ })).toBeVisible();
  await page.getByRole('searchbox', { name: /Zoek op naam van een partij/ }).fill('Zuid');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByText('Er zijn geen zaken die passen bij uw zoekopdracht.')).toBeVisible();
  await page.getByRole('searchbox', { name: /Zoek op naam van een partij/ }).fill('');
  await page.getByLabel('Status (niet verplicht)').selectOption({ label: 'Wacht op benoeming mediator of adviseur' });
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('row', { name: /Wacht op benoeming mediator of adviseur/ })).toBeVisible();
  await checkpoint(page, '09-aanbieder-mijn-zaken-filter');
});

test('the association files a collective dispute for its member providers', async ({ page }) => {
  await page.goto('/inloggen?terug=/aanvraag');
  await signInAs(page, 'Eva Jansen');
  await expect(page.getByRole('group', { name: 'Voor welke leden dient u de aanvraag in?' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Fysiotherapie De Linde' }).check();
  await page.getByRole('checkbox', { name: 'GGZ Praktijk Oost' }).check();
  await checkpoint(page, '11-vereniging-1-leden');
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.getByRole('radio', { name: 'Precontractueel' }).check();
  await page.getByRole('radio', { name: 'Zorgverzekeringswet (Zvw)' }).check();
  await page.getByLabel('Welke soort zorg?').selectOption({ label: 'Multidisciplinaire zorg' });
  await page.getByRole('checkbox', { name: 'Tarief', exact: true }).check();
  await page.getByLabel('Over welk contractjaar gaat het?').fill('2027');
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.getByRole('checkbox', { name: 'Zorgverzekeraar Zuid (incl. zorgkantoor Zuid)' }).check();
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.getByLabel('Waar gaat het geschil over?').fill('Het tarief voor 2027 ligt onder de kostprijs voor kleine praktijken.');
  await page.getByLabel('Verzoek 1: wat vraagt u?').fill('Een tarief op kostprijsniveau');
  await page.getByLabel('Om hoeveel geld gaat het in totaal, in euro’s?').fill('40.000');
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.getByRole('radio', { name: 'Nee', exact: true }).check();
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await expect(page.getByText('Fysiotherapie De Linde, GGZ Praktijk Oost')).toBeVisible();
  await checkpoint(page, '11-vereniging-7-controleren');
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByText('Uw aanvraag is verstuurd.')).toBeVisible();
  await expect(page.getByText('Ingediend door Branchevereniging Eerstelijn (collectief geschil)')).toBeVisible();
  await checkpoint(page, '12-zaak-collectief');
});

test('a filing with errors shows the error summary, focused, with links reaching each field', async ({ page }) => {
  await page.goto('/inloggen?terug=/aanvraag/geschil');
  await signInAs(page, 'Bram Visser');
  await expect(page).toHaveTitle(/^Stap 2 van 7/);
  await page.getByLabel('Over welk contractjaar gaat het?').fill('1999');
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  const summary = page.getByRole('heading', { name: 'Er ging iets mis. Controleer het volgende:' });
  await expect(summary).toBeFocused();
  await checkpoint(page, '13-fouten');
  const links = page.getByRole('region', { name: 'Er ging iets mis. Controleer het volgende:' }).getByRole('link');
  await expect(links).toHaveText([
    'Kies of er al een contract is.',
    'Kies onder welke wet de zorg valt.',
    'Kies de soort zorg.',
    'Kies ten minste één onderwerp.',
    'Vul een contractjaar in van 2016 tot en met 2027.',
  ]);
  const targets: [string, () => ReturnType<Page['getByRole']>][] = [
    ['Kies of er al een contract is.', () => page.getByRole('radio', { name: 'Precontractueel' })],
    ['Kies onder welke wet de zorg valt.', () => page.getByRole('radio', { name: 'Zorgverzekeringswet (Zvw)' })],
    ['Kies de soort zorg.', () => page.getByRole('combobox', { name: 'Welke soort zorg?' })],
    ['Kies ten minste één onderwerp.', () => page.getByRole('checkbox', { name: 'Tarief', exact: true })],
    ['Vul een contractjaar in van 2016 tot en met 2027.', () => page.getByRole('textbox', { name: 'Over welk contractjaar gaat het?' })],
  ];
  for (const [message, target] of targets) {
    await links.filter({ hasText: message }).click();
    await expect(target()).toBeFocused();
  }
  // The specific message again at the field, tied to it for screen readers.
  await expect(page.getByRole('textbox', { name: 'Over welk contractjaar gaat het?' })).toHaveAccessibleDescription(/Vul een contractjaar in van 2016 tot en met 2027/);
});

test('every route has its own title; unknown pages get a Dutch 404; the accessibility statement exists', async ({ page }) => {
  await page.goto('/toegankelijkheid');
  await expect(page).toHaveTitle('Toegankelijkheidsverklaring - Geschilleninstantie Zorgcontractering');
  await checkpoint(page, '14-toegankelijkheid');
  await page.goto('/bestaat-niet');
  await expect(page).toHaveTitle('Deze pagina bestaat niet - Geschilleninstantie Zorgcontractering');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
  await checkpoint(page, '15-niet-gevonden');
});
