import { apiToken, checkpoint, expect, expectNoSidewaysScroll, signInAs, test } from './support/portal';

// The secretariat's journeys, by role and label: a case filed through the API turns up under "In te
// schrijven", the secretariat checks its completeness and registers it; a panel of three with a chair
// is nominated from the roster, a party challenges and another waives, the secretariat decides and
// appoints; the register of organisations with an If-Match conflict.

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
  // The completeness check comes before the button: this filing has no documents attached.
  const checklist = page.getByRole('list', { name: 'Controle op volledigheid' });
  await expect(checklist.getByRole('listitem')).toHaveCount(7);
  await expect(checklist).toContainText('Let op: Er zijn geen stukken bijgevoegd.');
  await expect(checklist).toContainText('In orde: De wederpartij is een zorgverzekeraar of zorgkantoor.');
  await expect(page.getByText('Eén punt vraagt aandacht.')).toBeVisible();
  await checkpoint(page, '31-secretariaat-inschrijven');
  await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('De zaak is ingeschreven.');
  await expect(page.getByText('Wacht op antwoord van de wederpartij').first()).toBeVisible();
  await checkpoint(page, '32-secretariaat-ingeschreven');

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^In te schrijven \(\d+\)/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^In te schrijven/ }).getByRole('row', { name: /\(Geboortezorg\)/ })).toHaveCount(0);
});

test('the secretariat nominates a panel of three with a chair; one party challenges, the other waives; the secretariat decides and appoints', async ({
  page,
  request,
  browser,
}) => {
  const [anna, carla, jan] = [
    await apiToken(request, 'prov-anna'),
    await apiToken(request, 'ins-carla'),
    await apiToken(request, 'sec-jan'),
  ];
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
  await bucket
    .getByRole('row', { name: /Fysiotherapie De Linde tegen Zorgverzekeraar Noord/ })
    .last()
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${id}$`));
  await page.getByText('Neutrale(n) voordragen').click();
  // The roster: advisers only (the route is binding advice), each with caseload and earlier involvement.
  const pick = page.getByRole('group', { name: /^Wie draagt u voor\?/ });
  await expect(pick.getByRole('checkbox')).toHaveCount(3);
  await expect(pick.getByRole('checkbox', { name: /Femke Bakker/ })).toHaveCount(0);
  await expect(pick).toContainText(/lopende zaken?\./);
  // By keyboard: Space ticks a box. Two advisers are not a panel: the error summary says what to do.
  for (const name of ['Hanna Mulder', 'Isaac de Vries']) {
    await pick.getByRole('checkbox', { name }).focus();
    await page.keyboard.press('Space');
  }
  await page.getByRole('button', { name: 'Voordragen', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Er ging iets mis. Controleer het volgende:' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Kies 1 of 3 bindend adviseurs.' })).toBeVisible();
  await checkpoint(page, '33-secretariaat-voordragen-fout');
  await pick.getByRole('checkbox', { name: 'Julia Hendriks' }).check();
  await expect(pick.getByRole('checkbox', { name: 'Hanna Mulder' })).toBeChecked();
  const chair = page.getByRole('group', { name: 'Wie is de voorzitter?' });
  await chair.getByRole('radio', { name: 'Hanna Mulder' }).check();
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
  await annaPage
    .getByLabel('Waarom twijfelt u aan de onpartijdigheid?')
    .fill('Hij adviseerde vorig jaar de verzekeraar over hetzelfde contract.');
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

  // The secretariat finds the challenge in its queue, rejects it and appoints the panel.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
  const challenges = page.getByRole('region', { name: /^Bezwaren om over te beslissen/ });
  await expect(challenges.getByRole('row', { name: /bezwaar tegen Isaac de Vries/ })).toHaveCount(1);
  await checkpoint(page, '35-secretariaat-werkvoorraad-bezwaar');
  await challenges
    .getByRole('row', { name: /bezwaar tegen Isaac de Vries/ })
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${id}$`));
  await page.getByText('Beslissen over een bezwaar').click();
  await page.getByRole('radio', { name: /^Isaac de Vries/ }).check();
  await page.getByRole('radio', { name: 'Bezwaar afgewezen' }).check();
  await page.getByLabel(/^Motivering/).focus();
  await page.keyboard.type('Het advies ging over een ander contract.');
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
  // A party challenged within the period: it was used, not "gehaald".
  const deadlines = page.getByRole('table', { name: 'Termijnen in deze zaak' });
  await expect(
    deadlines
      .getByRole('row', { name: /wraking/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('gebruikt');
  await checkpoint(page, '36-secretariaat-benoemd');

  const view = (await (await request.get(`/api/disputes/${id}`, { headers: { Authorization: `Bearer ${jan}` } })).json()) as {
    status: string;
    neutrals: { userId: string; status: string; chair?: boolean }[];
  };
  expect(view.status).toBe('in_proceedings');
  expect(
    view.neutrals
      .filter((n) => n.status === 'appointed')
      .map((n) => n.userId)
      .sort(),
  ).toEqual(['adv-hanna', 'adv-isaac', 'adv-julia']);
  expect(view.neutrals.find((n) => n.chair)?.userId).toBe('adv-hanna');

  // The caseload per neutral on the work queue counts the new panel's cases.
  const caseload = (await (await request.get('/api/caseload', { headers: { Authorization: `Bearer ${jan}` } })).json()) as {
    neutrals: { userId: string; openCases: number }[];
  };
  const hanna = caseload.neutrals.find((n) => n.userId === 'adv-hanna')!;
  expect(hanna.openCases).toBeGreaterThan(0);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
  const workload = page.getByRole('region', { name: 'Werklast per mediator, adviseur en arbiter', exact: true });
  await expect(
    workload
      .getByRole('row', { name: /^Hanna Mulder \(bindend adviseur\)/ })
      .getByRole('cell')
      .first(),
  ).toHaveText(String(hanna.openCases));
  await expect(
    page.getByRole('region', { name: 'Lopende zaken per status', exact: true }).getByRole('row', { name: /^Procedure loopt/ }),
  ).toBeVisible();
  await checkpoint(page, '37-secretariaat-werklast');
  await page.setViewportSize({ width: 320, height: 800 });
  await checkpoint(page, '37-secretariaat-werklast-320');
  await expectNoSidewaysScroll(page, '37-secretariaat-werklast-320');
});

test('the register: an organisation changed meanwhile by someone else shows the conflict and reloads', async ({ page, request }) => {
  const jan = await apiToken(request, 'sec-jan');
  await page.goto('/inloggen?terug=/register');
  await page.getByText('Medewerkers van de geschilleninstantie en toezicht').click();
  await signInAs(page, 'Jan de Graaf');
  await expect(page).toHaveTitle(/^Register - /);
  const organisations = page.getByRole('region', { name: 'Organisaties', exact: true });
  await expect(organisations.getByRole('row', { name: /^Branchevereniging Eerstelijn/ })).toContainText(
    '2 leden: Fysiotherapie De Linde, GGZ Praktijk Oost',
  );
  await expect(organisations.getByRole('row', { name: /^Fysiotherapie De Linde/ })).toContainText('Kleine zorgaanbieder');
  await checkpoint(page, '40-secretariaat-register');

  // The association's members are checkboxes of the care providers.
  await organisations.getByRole('link', { name: 'Branchevereniging Eerstelijn' }).click();
  const members = page.getByRole('group', { name: 'Welke zorgaanbieders zijn lid?' });
  await expect(members.getByRole('checkbox', { name: 'Fysiotherapie De Linde' })).toBeChecked();
  await expect(members.getByRole('checkbox', { name: 'Wijkzorg Amstelland' })).not.toBeChecked();
  await checkpoint(page, '41-secretariaat-vereniging');

  await page.goto('/register/organisaties/org-zorgkantoor-west');
  await expect(page.getByRole('heading', { level: 1, name: 'Zorgkantoor West wijzigen' })).toBeVisible();
  // A UZOVI code with a letter: the Dutch message at the field and in the summary.
  const uzovi = page.getByRole('textbox', { name: 'UZOVI-code' });
  await uzovi.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('91O1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Er ging iets mis. Controleer het volgende:' })).toBeFocused();
  await page.getByRole('link', { name: 'De UZOVI-code bestaat uit precies 4 cijfers, bijvoorbeeld 9001.' }).click();
  await expect(uzovi).toBeFocused();
  await checkpoint(page, '42-secretariaat-organisatie-fout');

  // Someone else saves a KvK number meanwhile (through the API, at the version this page has).
  const current = (await (
    await request.get('/api/directory/organisations/org-zorgkantoor-west', { headers: { Authorization: `Bearer ${jan}` } })
  ).json()) as {
    version: number;
  };
  const other = await request.patch('/api/directory/organisations/org-zorgkantoor-west', {
    headers: { Authorization: `Bearer ${jan}`, 'If-Match': `"${current.version}"` },
    data: { codes: { kvk: '65556667' } },
  });
  expect(other.status(), await other.text()).toBe(200);

  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('9101');
  const kvk = page.getByRole('textbox', { name: /^KvK-nummer/ });
  await kvk.focus();
  await page.keyboard.type('65556668');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Iemand anders heeft dit intussen gewijzigd' })).toBeFocused();
  await checkpoint(page, '43-secretariaat-organisatie-conflict');
  await page.getByRole('button', { name: 'Nieuwste gegevens laden' }).click();
  await expect(page.getByRole('heading', { name: 'Iemand anders heeft dit intussen gewijzigd' })).toHaveCount(0);
  await expect(kvk).toHaveValue('65556667');
  await kvk.fill('65556668');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const saved = page.getByRole('main').locator('.gzc-notice--ok');
  await expect(saved).toHaveText('De gegevens van Zorgkantoor West zijn opgeslagen.');
  await expect(saved).toBeFocused();
  await expect(kvk).toHaveValue('65556668');
  await checkpoint(page, '44-secretariaat-organisatie-opgeslagen');
  await page.setViewportSize({ width: 320, height: 800 });
  await checkpoint(page, '44-secretariaat-organisatie-320');
  await expectNoSidewaysScroll(page, '44-secretariaat-organisatie-320');
});

test('a long list of the work queue shows its oldest 10 and the rest at a click', async ({ page, request }) => {
  const anna = await apiToken(request, 'prov-anna');
  // Eleven filings more than there were: the list "In te schrijven" is longer than its first 10 rows.
  for (let i = 0; i < 11; i++) {
    const filed = await request.post('/api/disputes', {
      headers: { Authorization: `Bearer ${anna}` },
      data: {
        phase: 'contractual',
        legalFramework: 'zvw',
        sector: 'dental',
        subjects: ['tariff'],
        contractYear: new Date().getUTCFullYear(),
        claimantOrganisationIds: ['org-fysio-delinde'],
        respondentOrganisationIds: ['org-zv-noord'],
        summary: `Het tarief dekt de kosten niet (${i + 1}).`,
        claims: [{ description: 'Een tarief dat de kosten dekt', amountCents: 100_000 }],
        amountInDisputeCents: 100_000,
        proposedRoute: 'mediation',
        urgent: false,
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);
  }
  await page.goto('/inloggen?terug=/werkvoorraad');
  await page.getByText('Medewerkers van de geschilleninstantie en toezicht').click();
  await signInAs(page, 'Jan de Graaf');
  const heading = page.getByRole('heading', { level: 2, name: /^In te schrijven \(\d+\)$/ });
  const total = Number((await heading.textContent())!.match(/\((\d+)\)/)![1]);
  expect(total).toBeGreaterThanOrEqual(11);
  const list = page.getByRole('region', { name: /^In te schrijven/ });
  const rows = list.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(1 + 10); // the header row and the oldest 10
  await expect(list.getByText(`De oudste 10 van ${total}.`)).toBeVisible();
  await list.getByRole('button', { name: `Toon de oudste ${total}` }).click();
  await expect(rows).toHaveCount(1 + total);
  await expect(list.getByRole('button')).toHaveCount(0);
  await checkpoint(page, '38-secretariaat-werkvoorraad-alles');
});
