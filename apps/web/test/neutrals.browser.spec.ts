import type { APIRequestContext, Page } from '@playwright/test';
import ICAL from 'ical.js';
import * as fs from 'node:fs';
import { apiToken, checkpoint, expect, signInAs, test } from './support/portal';

// The neutrals' journeys of issue 12, by role and label: the mediator plans, records and concludes
// with full agreement; an escalated case ends with the chair's decision while another panel member
// only reads it; the .ics downloads and parses to the right Amsterdam time. Earlier steps (filing,
// registration, nomination, appointment) go through the API: the secretariat's journeys cover them.
// Long journeys with many axe checks: more time than the default on CI's two shared cores.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const NEXT_YEAR = new Date().getUTCFullYear() + 1;

async function post(request: APIRequestContext, token: string, path: string, data: object = {}): Promise<Record<string, unknown>> {
  const response = await request.post(path, { data, headers: { Authorization: `Bearer ${token}` } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

/** Filed by Anna against Zorgverzekeraar Noord, registered, accepted for mediation, the mediator (Femke) appointed or only nominated. */
async function caseInMediation(
  request: APIRequestContext,
  sector: string,
  { mediator = 'med-femke', appoint = true }: { mediator?: string; appoint?: boolean } = {},
): Promise<{ id: string; tokens: Record<string, string> }> {
  const tokens: Record<string, string> = {};
  for (const user of ['prov-anna', 'ins-carla', 'sec-jan', mediator]) tokens[user] = await apiToken(request, user);
  const filed = await post(request, tokens['prov-anna']!, '/api/disputes', {
    phase: 'contractual',
    legalFramework: 'zvw',
    sector,
    subjects: ['volume_ceiling'],
    contractYear: new Date().getUTCFullYear(),
    claimantOrganisationIds: ['org-fysio-delinde'],
    respondentOrganisationIds: ['org-zv-noord'],
    summary: 'Het omzetplafond is in september bereikt; nieuwe patiënten moeten wachten.',
    claims: [{ description: 'Het plafond verhogen', amountCents: 1_250_000 }],
    amountInDisputeCents: 1_250_000,
    proposedRoute: 'mediation',
    urgent: false,
  });
  const id = filed.id as string;
  const act = (user: string, action: string, body: object = {}) => post(request, tokens[user]!, `/api/disputes/${id}/${action}`, body);
  await act('sec-jan', 'register');
  await act('ins-carla', 'accept-submission', { route: 'mediation' });
  await act('sec-jan', 'nominate-neutrals', { neutralUserIds: [mediator] });
  if (!appoint) return { id, tokens };
  await act('prov-anna', 'waive-challenge');
  await act('ins-carla', 'waive-challenge');
  await act('sec-jan', 'appoint-neutrals');
  return { id, tokens };
}

/** A meeting that starts a moment from now, so it can be recorded in this test (rule 16). */
const inAMoment = () => new Date(Date.now() + 1500).toISOString();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signIn(page: Page, path: string, name: string): Promise<void> {
  await page.goto(`/inloggen?terug=${encodeURIComponent(path)}`);
  await page.getByText('Medewerkers van de geschilleninstantie en toezicht').click();
  await signInAs(page, name);
}

/** Clicks "Zet in mijn agenda (.ics)" and parses the download with ical.js: the event in Amsterdam time. */
async function downloadIcs(page: Page, linkName: RegExp): Promise<ICAL.Event> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone')!;
  expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
}

test('the mediator plans a session (.ics in Amsterdam time), records one with private notes and concludes with full agreement', async ({
  page,
  request,
  browser,
}) => {
  const { id, tokens } = await caseInMediation(request, 'dental');

  await signIn(page, '/zaken', 'Femke Bakker');
  await expect(page).toHaveTitle(/^Mijn zaken - /);
  const card = page.getByRole('listitem').filter({ hasText: 'Plan het eerste gesprek met de partijen.' });
  await expect(card.first()).toBeVisible();
  await checkpoint(page, '40-mediator-mijn-zaken');

  await page.goto(`/zaken/${id}`);
  await expect(page.getByRole('region', { name: 'Wat gebeurt er nu?' })).toContainText('Plan het eerste gesprek');
  await checkpoint(page, '41-mediator-zaak');

  // Plan by keyboard: the date and time are typed in Amsterdam time, the video link too.
  await page.getByText('Een gesprek plannen').click();
  await page.getByLabel('Datum en tijd (Nederlandse tijd)').fill(`${NEXT_YEAR}-01-14T10:00`);
  await page.getByLabel('Plaats of videolink (niet verplicht)').focus();
  await page.keyboard.type('https://video.example/gzc-gesprek');
  await checkpoint(page, '42-mediator-gesprek-plannen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('Het gesprek is gepland.');
  const meetings = page.getByRole('region', { name: 'Gesprekken en zittingen' });
  await expect(meetings.getByRole('heading', { name: `Mediationgesprek op 14 jan ${NEXT_YEAR} 10:00` })).toBeVisible();
  await expect(meetings.getByRole('link', { name: /Videogesprek: https:\/\/video\.example\/gzc-gesprek/ })).toBeVisible();
  await checkpoint(page, '43-mediator-gesprek-gepland');

  const event = await downloadIcs(
    page,
    new RegExp(`^Zet in mijn agenda \\(\\.ics\\) voor het mediationgesprek op 14 jan ${NEXT_YEAR} 10:00$`),
  );
  expect(event.startDate.zone.tzid).toBe('Europe/Amsterdam');
  expect([event.startDate.hour, event.startDate.minute]).toEqual([10, 0]);
  expect(event.startDate.toJSDate().toISOString()).toBe(`${NEXT_YEAR}-01-14T09:00:00.000Z`);
  expect(event.location).toBe('https://video.example/gzc-gesprek');
  expect(event.uid).toMatch(/^session-.+@geschilleninstantie-zorgcontractering$/);

  // The party's case page links the same file.
  const anna = await (await browser.newContext()).newPage();
  await anna.goto(`/inloggen?terug=/zaken/${id}`);
  await signInAs(anna, 'Anna de Linde');
  const annaEvent = await downloadIcs(anna, /^Zet in mijn agenda \(\.ics\)/);
  expect(annaEvent.uid).toBe(event.uid);
  expect(annaEvent.startDate.toJSDate().toISOString()).toBe(`${NEXT_YEAR}-01-14T09:00:00.000Z`);
  // Both parties waived, so the challenge period closed unused before its date: it says so.
  const deadlines = anna.getByRole('table', { name: 'Termijnen in deze zaak' });
  await expect(
    deadlines
      .getByRole('row', { name: /wraking/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('niet gebruikt');
  await checkpoint(anna, '44-aanbieder-zaak-gesprek-gepland');

  // A session that starts now (planned through the API: the form plans in whole minutes) is recorded here.
  const startsAt = inAMoment();
  await post(request, tokens['med-femke']!, `/api/disputes/${id}/schedule-session`, { startsAt, location: 'Utrecht' });
  await pause(Date.parse(startsAt) - Date.now() + 200);
  await page.reload();
  await page.getByText('Een gesprek vastleggen als gehouden').click();
  await page.getByRole('radio', { name: /, Utrecht$/ }).check();
  await page.getByLabel('Aantekeningen (alleen zichtbaar voor de mediator) (niet verplicht)').focus();
  await page.keyboard.type('Beide partijen willen een hoger plafond voor nieuwe patiënten.');
  await checkpoint(page, '45-mediator-gesprek-vastleggen');
  await page.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('Het gesprek is vastgelegd als gehouden.');
  await expect(meetings).toContainText('Aantekeningen (alleen zichtbaar voor de mediator)');
  await expect(meetings).toContainText('Beide partijen willen een hoger plafond');
  await checkpoint(page, '46-mediator-gesprek-vastgelegd');

  // The party sees that the session was held, never the notes.
  await anna.reload();
  await expect(anna.getByRole('region', { name: 'Gesprekken en zittingen' })).toContainText('gehouden');
  await expect(anna.getByText('Beide partijen willen een hoger plafond')).toHaveCount(0);

  // The signed settlement first, then the conclusion naming it.
  await page.getByText('Een document toevoegen').click();
  await page
    .getByLabel('Bestand')
    .setInputFiles({ name: 'vaststellingsovereenkomst.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await page.getByRole('button', { name: 'Document toevoegen' }).click();
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('vaststellingsovereenkomst.pdf is toegevoegd');

  await page.getByText('De mediation afronden').click();
  await page.getByRole('radio', { name: /^Volledig eens/ }).check();
  // A full agreement needs the settlement: asked for, and checked on submit.
  await page.getByRole('button', { name: 'Mediation afronden' }).click();
  const summary = page.getByRole('region', { name: /^Er ging iets mis/ });
  await expect(summary.getByRole('link', { name: 'Kies: vaststellingsovereenkomst' })).toBeVisible();
  await checkpoint(page, '47-mediator-afronden-fout');
  await page.getByLabel('Vaststellingsovereenkomst').selectOption({ label: 'vaststellingsovereenkomst.pdf' });
  await page.getByRole('button', { name: 'Mediation afronden' }).click();
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('De mediation is afgerond.');
  await expect(page.getByText('Opgelost: de partijen zijn het eens').first()).toBeVisible();
  await checkpoint(page, '48-mediator-afgerond');

  await anna.reload();
  await expect(anna.getByRole('region', { name: 'Uitkomst van de mediation' })).toContainText('Volledig eens');
  await checkpoint(anna, '49-aanbieder-opgelost');
  await anna.context().close();
});

test('an escalated case ends with the chair’s decision: the cost share follows the outcome, deviating needs a reason; a member only reads it', async ({
  page,
  request,
  browser,
}) => {
  const { id, tokens } = await caseInMediation(request, 'pharmacy');
  for (const user of ['adv-hanna', 'adv-isaac', 'adv-julia']) tokens[user] = await apiToken(request, user);
  const act = (user: string, action: string, body: object = {}) => post(request, tokens[user]!, `/api/disputes/${id}/${action}`, body);
  const session = inAMoment();
  const { sessionId } = await act('med-femke', 'schedule-session', { startsAt: session });
  await pause(Date.parse(session) - Date.now() + 200);
  await act('med-femke', 'record-session', { sessionId });
  await act('med-femke', 'conclude-mediation', { result: 'no_agreement' });
  await act('prov-anna', 'request-escalation', { route: 'binding_advice' });
  await act('ins-carla', 'accept-escalation');
  await act('sec-jan', 'nominate-neutrals', { neutralUserIds: ['adv-hanna', 'adv-isaac', 'adv-julia'], chairUserId: 'adv-hanna' });
  await act('prov-anna', 'waive-challenge');
  await act('ins-carla', 'waive-challenge');
  await act('sec-jan', 'appoint-neutrals');
  await act('prov-anna', 'submit-statement', { kind: 'statement_of_claim', text: 'Het plafond is te laag voor de vraag in de regio.' });

  // The chair gives the respondent more time for the defence, with a reason.
  await signIn(page, `/zaken/${id}`, 'Hanna Mulder');
  await expect(page.getByRole('region', { name: 'Wat gebeurt er nu?' })).toContainText('verweerschrift');
  await page.getByText('Een termijn verlengen').click();
  await page.getByRole('radio', { name: /^Verweerschrift indienen \(nu uiterlijk .+ om 23:59\)$/ }).check();
  const newDay = new Date(Date.now() + 45 * 86_400_000);
  await page.getByLabel('Nieuwe laatste dag').fill(newDay.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }));
  await page.getByLabel('Waarom verlengt u de termijn?').focus();
  await page.keyboard.type('De verzekeraar wacht op cijfers van de NZa.');
  await checkpoint(page, '50a-voorzitter-termijn-verlengen');
  await page.getByRole('button', { name: 'Termijn verlengen' }).click();
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('De termijn is verlengd.');
  const dutchDay = newDay.toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });
  await expect(page.getByRole('group', { name: 'Termijnen' }).getByRole('row', { name: /^Verweerschrift indienen/ })).toContainText(
    `${dutchDay} om 23:59`,
  );

  await act('ins-carla', 'submit-statement', { kind: 'statement_of_defence', text: 'Het plafond volgt de afspraken van vorig jaar.' });
  const hearing = inAMoment();
  const { hearingId } = await act('adv-hanna', 'schedule-hearing', { startsAt: hearing, location: 'Utrecht' });
  await pause(Date.parse(hearing) - Date.now() + 200);
  await act('adv-hanna', 'record-hearing', { hearingId });

  // A member of the panel: sees who decides, not the form.
  const isaac = await (await browser.newContext()).newPage();
  await signIn(isaac, `/zaken/${id}`, 'Isaac de Vries');
  await expect(isaac.getByRole('region', { name: 'Wat kunt u doen?' })).toContainText(
    'De voorzitter van het college, Hanna Mulder, neemt de beslissing.',
  );
  await expect(isaac.getByText('De beslissing nemen')).toHaveCount(0);
  await checkpoint(isaac, '50b-adviseur-lid-zaak');

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn zaken' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Alles is klaar voor de beslissing.' }).first()).toBeVisible();
  await checkpoint(page, '51-voorzitter-mijn-zaken');
  await page.goto(`/zaken/${id}`);
  await page.getByText('De beslissing nemen').click();
  await page.getByRole('radio', { name: /^Afgewezen/ }).check();
  const share = page.getByLabel('Deel van de kosten voor de indiener, in procent');
  // Rule 18: a rejected claim puts the costs on the claimant, unless the panel says why not.
  await expect(share).toHaveValue('100');
  await expect(page.getByLabel('Waarom wijkt de kostenverdeling af?')).toHaveCount(0);
  await page.getByRole('radio', { name: /^Deels toegewezen/ }).check();
  await expect(share).toHaveValue('50');
  await page.getByRole('radio', { name: /^Afgewezen/ }).check();
  await share.fill('');
  await share.focus();
  await page.keyboard.type('80');
  await page.getByLabel('De beslissing en de motivering').focus();
  await page.keyboard.type('Het plafond volgt de afspraken. De vraag van de indiener wordt afgewezen.');
  await page.getByRole('button', { name: 'Beslissing vastleggen' }).click();
  await expect(
    page.getByRole('region', { name: /^Er ging iets mis/ }).getByRole('link', { name: 'Vul in: waarom wijkt de kostenverdeling af?' }),
  ).toBeVisible();
  await checkpoint(page, '52-voorzitter-beslissing-fout');
  await page.getByRole('link', { name: 'Vul in: waarom wijkt de kostenverdeling af?' }).click();
  await expect(page.getByLabel('Waarom wijkt de kostenverdeling af?')).toBeFocused();
  await page.keyboard.type('De verzekeraar gaf de cijfers pas laat.');
  await checkpoint(page, '53-voorzitter-beslissing-ingevuld');
  await page.getByRole('button', { name: 'Beslissing vastleggen' }).click();
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('De beslissing is vastgelegd.');
  const decision = page.getByRole('region', { name: 'De beslissing' });
  await expect(decision).toContainText('Afgewezen: de indiener krijgt geen gelijk');
  await expect(decision).toContainText('De indiener betaalt 80%, de wederpartij 20%.');
  await expect(decision).toContainText('De verzekeraar gaf de cijfers pas laat.');
  await checkpoint(page, '54-voorzitter-beslist');

  await isaac.reload();
  await expect(isaac.getByRole('region', { name: 'De beslissing' })).toContainText('De indiener betaalt 80%, de wederpartij 20%.');
  await checkpoint(isaac, '55-adviseur-lid-beslist');
  await isaac.context().close();
});

test('the neutral’s pages at 320 px wide', async ({ page, request }) => {
  const { id } = await caseInMediation(request, 'maternity');
  await page.setViewportSize({ width: 320, height: 800 });
  await signIn(page, '/zaken', 'Femke Bakker');
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn zaken' })).toBeVisible();
  await checkpoint(page, '56-mediator-mijn-zaken-320');
  await page.goto(`/zaken/${id}`);
  await page.getByText('Een gesprek plannen').click();
  await checkpoint(page, '57-mediator-zaak-320');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a nominated mediator sees only the conflict check (rule 2), listed as a task in Mijn zaken', async ({ page, request }) => {
  const { id } = await caseInMediation(request, 'general_practice', { mediator: 'med-gerrit', appoint: false });
  await signIn(page, '/zaken', 'Gerrit Smit');
  const card = page.getByRole('listitem').filter({ hasText: 'U bent voorgedragen.' });
  await expect(card).toHaveCount(1);
  await checkpoint(page, '58-voorgedragen-mijn-zaken');
  await card.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${id}$`));
  await expect(page.getByRole('region', { name: 'Het geschil' })).toContainText('Fysiotherapie De Linde');
  await expect(page.getByRole('region', { name: 'Documenten' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Termijnen' })).toHaveCount(0);
  await checkpoint(page, '59-voorgedragen-zaak');
});
