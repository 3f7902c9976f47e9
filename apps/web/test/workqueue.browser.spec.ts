import { apiToken, checkpoint, expect, signInAs, test } from './support/portal';

// The secretariat's work queue: a case filed through the API turns up under "In te schrijven",
// the secretariat opens it from the queue and registers it on the case page, and it leaves the queue.

test('the secretariat registers a filed case from its work queue', async ({ page, request }) => {
  const anna = await apiToken(request, 'prov-anna');
  const filed = await request.post('/api/disputes', {
    headers: { Authorization: `Bearer ${anna}`, 'Accept-Language': 'nl' },
    data: {
      phase: 'contractual',
      legalFramework: 'zvw',
      // A sector no other journey files under, so this row is the one this test filed.
      sector: 'maternity',
      subjects: ['tariff'],
      contractYear: new Date().getUTCFullYear(),
      claimantOrganisationIds: ['org-fysio-delinde'],
      respondentOrganisationIds: ['org-zv-noord'],
      summary: 'Het tarief dekt de kosten van de zorg niet.',
      claims: [{ description: 'Een tarief dat de kosten dekt', amountCents: 800_000 }],
      amountInDisputeCents: 800_000,
      proposedRoute: 'mediation',
      urgent: false,
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);

  await page.goto('/inloggen?terug=/werkvoorraad');
  await page.getByText('Medewerkers van de geschilleninstantie en toezicht').click();
  await signInAs(page, 'Jan de Graaf');
  await expect(page).toHaveTitle(/^Werkvoorraad - /);
  const toRegister = page.getByRole('region', { name: /^In te schrijven/ });
  const row = toRegister.getByRole('row', { name: /Fysiotherapie De Linde tegen Zorgverzekeraar Noord \(Geboortezorg\)/ });
  await expect(row).toHaveCount(1);
  for (const bucket of [/^Wederpartij antwoordt niet/, /^Stilgevallen zaken/, /^Rekeningen niet betaald/]) {
    await expect(page.getByRole('region', { name: bucket })).toBeVisible();
  }
  await checkpoint(page, '30-secretariaat-werkvoorraad');

  await row.getByRole('link', { name: 'Bekijk de aanvraag' }).click();
  await expect(page.getByRole('region', { name: 'Wat gebeurt er nu?' })).toBeVisible();
  await page.getByText('Zaak inschrijven').click();
  await checkpoint(page, '31-secretariaat-inschrijven');
  await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('De zaak is ingeschreven.');
  await expect(page.getByText('Wacht op antwoord van de wederpartij').first()).toBeVisible();
  await checkpoint(page, '32-secretariaat-ingeschreven');

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^In te schrijven \(\d+\)/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^In te schrijven/ }).getByRole('row', { name: /\(Geboortezorg\)/ })).toHaveCount(0);
});
