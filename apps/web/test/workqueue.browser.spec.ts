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

test('the secretariat nominates a panel of three with a chair; one party challenges, the other waives; the secretariat decides and appoints', async ({ page, request, browser }) => {
  const [anna, carla, jan] = [await apiToken(request, 'prov-anna'), await apiToken(request, 'ins-carla'), await apiToken(request, 'sec-jan')];
  const filed = await request.post('/api/disputes', {
    headers: { Authorization: `Bearer ${anna}` },
    data: {
      phase: 'contractual',
      legalFramework: 'zvw',
      sector: 'multidisciplinary',
      subjects: ['contract_terms'],
      contractYear: new Date().getUTCFullYear(),
      claimantOrganisationIds: ['org-fysio-delinde'],
      respondentOrganisationIds: ['org-zv-noord'],
      summary: 'De contractvoorwaarden zijn eenzijdig gewijzigd.',
      claims: [{ description: 'De oude voorwaarden blijven gelden', amountCents: 2_000_000 }],
      amountInDisputeCents: 2_000_000,
      proposedRoute: 'binding_advice',
      urgent: false,
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const id = ((await filed.json()) as { id: string }).id;
  for (const [token, action, body] of [
    [jan, 'register', {}],
    [carla, 'accept-submission', { route: 'binding_advice' }],
  ] as const) {
    const res = await request.post(`/api/disputes/${id}/${action}`, { headers: { Authorization: `Bearer ${token}` }, data: body });
    expect(res.status(), await res.text()).toBe(200);
  }

  // The secretariat finds the case in its queue and nominates three advisers, Hanna Mulder chairing.
  await page.goto('/inloggen?terug=/werkvoorraad');
  await page.getByText('Medewerkers van de geschilleninstantie en toezicht').click();
  await signInAs(page, 'Jan de Graaf');
  const bucket = page.getByRole('region', { name: /^Neutrale voordragen/ });
  await bucket.getByRole('row', { name: /Fysiotherapie De Linde tegen Zorgverzekeraar Noord/ }).last().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${id}$`));
  await page.getByText('Neutrale(n) voordragen').click();
  await page.getByLabel(/^Gebruikersnamen/).fill('adv-isaac, adv-hanna, adv-julia');
  await page.getByLabel(/^Voorzitter/).fill('adv-hanna');
  await checkpoint(page, '33-secretariaat-voordragen');
  await page.getByRole('button', { name: 'Voordragen', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('De voordracht is verstuurd.');

  // The claimant challenges one adviser.
  const annaContext = await browser.newContext();
  const annaPage = await annaContext.newPage();
  await annaPage.goto(`/inloggen?terug=/zaken/${id}`);
  await signInAs(annaPage, 'Anna de Linde');
  await annaPage.getByText('Bezwaar maken tegen een mediator of adviseur (wraken)').click();
  await annaPage.getByRole('radio', { name: /^Isaac de Vries/ }).check();
  await annaPage.getByLabel('Waarom twijfelt u aan de onpartijdigheid?').fill('Hij adviseerde vorig jaar de verzekeraar over hetzelfde contract.');
  await checkpoint(annaPage, '34-aanbieder-bezwaar');
  await annaPage.getByRole('button', { name: 'Bezwaar indienen' }).click();
  await expect(annaPage.getByRole('status', { name: 'Meldingen' })).not.toBeEmpty();
  await annaContext.close();


  // The insurer waives its right to challenge.
  const carlaContext = await browser.newContext();
  const carlaPage = await carlaContext.newPage();
  await carlaPage.goto(`/inloggen?terug=/zaken/${id}`);
  await signInAs(carlaPage, 'Carla Noordhuis');
  await carlaPage.getByText('Geen bezwaar tegen de voorgestelde neutrale').click();
  await carlaPage.getByRole('button', { name: 'Geen bezwaar', exact: true }).click();
  await expect(carlaPage.getByRole('status', { name: 'Meldingen' })).toContainText('U heeft laten weten dat u geen bezwaar heeft.');
  await checkpoint(carlaPage, '34-verzekeraar-geen-bezwaar');
  await carlaContext.close();

  // The secretariat rejects the challenge and appoints the panel.
  await page.reload();
  await page.getByText('Beslissen over een bezwaar').click();
  await page.getByRole('radio', { name: /^Isaac de Vries/ }).check();
  await page.getByRole('radio', { name: 'Bezwaar afgewezen' }).check();
  await page.getByLabel(/^Motivering/).fill('Het advies ging over een ander contract.');
  await checkpoint(page, '35-secretariaat-bezwaar-beslissen');
  await page.getByRole('button', { name: 'Beslissen', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('Over het bezwaar is beslist.');
  // The panel is appointed once the challenge period ends or every party has waived: the claimant, her
  // challenge decided, now waives too.
  const annaAgain = await browser.newContext();
  const annaPage2 = await annaAgain.newPage();
  await annaPage2.goto(`/inloggen?terug=/zaken/${id}`);
  await signInAs(annaPage2, 'Anna de Linde');
  await annaPage2.getByText('Geen bezwaar tegen de voorgestelde neutrale').click();
  await annaPage2.getByRole('button', { name: 'Geen bezwaar', exact: true }).click();
  await expect(annaPage2.getByRole('status', { name: 'Meldingen' })).toContainText('U heeft laten weten dat u geen bezwaar heeft.');
  await annaAgain.close();
  await page.reload();
  await page.getByText('Neutrale(n) benoemen').click();
  await page.getByRole('button', { name: 'Benoemen', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('De benoeming is vastgelegd.');
  await expect(page.getByText('Procedure loopt').first()).toBeVisible();
  await checkpoint(page, '36-secretariaat-benoemd');

  const view = (await (await request.get(`/api/disputes/${id}`, { headers: { Authorization: `Bearer ${jan}` } })).json()) as {
    status: string;
    neutrals: { userId: string; status: string; chair?: boolean }[];
  };
  expect(view.status).toBe('in_proceedings');
  expect(view.neutrals.filter((n) => n.status === 'appointed').map((n) => n.userId).sort()).toEqual(['adv-hanna', 'adv-isaac', 'adv-julia']);
  expect(view.neutrals.find((n) => n.chair)?.userId).toBe('adv-hanna');

  // The caseload per neutral on the work queue counts the new panel's cases.
  const caseload = (await (await request.get('/api/caseload', { headers: { Authorization: `Bearer ${jan}` } })).json()) as {
    neutrals: { userId: string; openCases: number }[];
  };
  const hanna = caseload.neutrals.find((n) => n.userId === 'adv-hanna')!;
  expect(hanna.openCases).toBeGreaterThan(0);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
  const workload = page.getByRole('region', { name: 'Werklast per mediator, adviseur en arbiter' });
  await expect(workload.getByRole('row', { name: /^Hanna Mulder \(bindend adviseur\)/ }).getByRole('cell').first()).toHaveText(String(hanna.openCases));
  await checkpoint(page, '37-secretariaat-werklast');
});
