import type { APIRequestContext } from '@playwright/test';
import { apiAction, apiToken, checkpoint, expect, signInAs, test } from './support/portal';

// "Meldingen": a provider sees the messages the notifier wrote for her (from the same outbox as the
// e-mails), with the unread count; marks one and then all as read; and switches off the e-mails that
// may be switched off, by keyboard, at 320 px wide. No axe violations in any of those states.

async function notificationsOf(request: APIRequestContext, token: string) {
  const response = await request.get('/api/notifications?limit=100', { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  return (await response.json()) as { items: { disputeId: string; kind: string; subject: string }[]; unreadCount: number };
}

const unreadIn = (text: string | null): number => {
  if (text?.includes('geen ongelezen')) return 0;
  const n = Number(/U heeft (\d+) ongelezen/.exec(text ?? '')?.[1]);
  expect(Number.isInteger(n), `unread count in "${text}"`).toBe(true);
  return n;
};

test('a provider reads her messages, marks them as read and switches off e-mail that is not essential', async ({ page, request }) => {
  const [anna, jan] = [await apiToken(request, 'prov-anna'), await apiToken(request, 'sec-jan')];
  const filed = await request.post('/api/disputes', {
    headers: { Authorization: `Bearer ${anna}`, 'Accept-Language': 'nl' },
    data: {
      phase: 'contractual',
      legalFramework: 'zvw',
      sector: 'pharmacy',
      subjects: ['tariff'],
      contractYear: new Date().getUTCFullYear(),
      claimantOrganisationIds: ['org-fysio-delinde'],
      respondentOrganisationIds: ['org-zv-noord'],
      summary: 'De vergoeding voor de medicatiebeoordeling is te laag.',
      claims: [{ description: 'Een hogere vergoeding', amountCents: 300_000 }],
      amountInDisputeCents: 300_000,
      proposedRoute: 'mediation',
      urgent: false,
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const caseId = ((await filed.json()) as { id: string }).id;
  await apiAction(request, jan, caseId, 'register');
  // The notifier decides in the background: wait until its registration message for Anna is there.
  await expect
    .poll(
      async () =>
        (await notificationsOf(request, anna)).items
          .filter((i) => i.disputeId === caseId)
          .map((i) => i.kind)
          .sort(),
      {
        timeout: 30_000,
      },
    )
    .toEqual(['case_registered', 'dispute_filed']);
  const registered = (await notificationsOf(request, anna)).items.find((i) => i.disputeId === caseId && i.kind === 'case_registered')!;

  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/inloggen?terug=/inbox');
  await signInAs(page, 'Anna de Linde');
  await expect(page).toHaveTitle(/^Meldingen - /);
  const count = page.getByTestId('unread-count');
  const before = unreadIn(await count.textContent());
  expect(before).toBeGreaterThanOrEqual(2);
  const item = page.getByRole('listitem').filter({ hasText: `Nieuw: ${registered.subject}` });
  await expect(item).toHaveCount(1);
  // Nothing sticks out at 320 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await checkpoint(page, '60-meldingen-ongelezen');

  // The message itself, in Dutch, opened with the keyboard.
  await item.getByText('Lees het bericht').focus();
  await page.keyboard.press('Enter');
  await expect(item).toContainText('Beste Anna de Linde,');
  await expect(item).toContainText('Uw aanvraag is ingeschreven.');
  await expect(item.getByRole('link', { name: /^Naar de zaak/ })).toHaveAttribute('href', `/zaken/${caseId}`);
  await checkpoint(page, '61-meldingen-bericht-open');

  await item.getByRole('button', { name: /^Markeer als gelezen/ }).click();
  await expect(count).toHaveText(
    before - 1 === 0 ? /geen ongelezen/ : `U heeft ${before - 1} ongelezen ${before - 1 === 1 ? 'melding' : 'meldingen'}.`,
  );
  await expect(page.getByRole('listitem').filter({ hasText: registered.subject }).first()).not.toContainText('Nieuw:');
  await page.getByRole('button', { name: 'Markeer alles als gelezen' }).click();
  await expect(count).toHaveText('U heeft geen ongelezen meldingen.');
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('Alle meldingen zijn gelezen.');
  expect((await notificationsOf(request, anna)).unreadCount).toBe(0);

  // The e-mail preference, by keyboard: deadlines and decisions cannot be switched off, the rest can.
  await expect(page.getByText('Die kunt u niet uitzetten.')).toBeVisible();
  const all = page.getByRole('radio', { name: 'Alle meldingen' });
  await expect(all).toBeChecked();
  await all.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Alleen de meldingen die u niet mag missen' })).toBeChecked();
  await page.getByRole('button', { name: 'Keuze opslaan' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('Uw keuze is opgeslagen.');
  const saved = await request.get('/api/notifications/preferences', { headers: { Authorization: `Bearer ${anna}` } });
  expect(await saved.json()).toMatchObject({ nonEssentialEmail: false });
  await checkpoint(page, '62-meldingen-email-keuze');

  // Kept after a reload; and back to all, as the other journeys expect.
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Alleen de meldingen die u niet mag missen' })).toBeChecked();
  await page.getByRole('radio', { name: 'Alle meldingen' }).check();
  await page.getByRole('button', { name: 'Keuze opslaan' }).click();
  await expect(page.getByRole('status', { name: 'Meldingen' })).toContainText('Uw keuze is opgeslagen.');
  expect(
    await (await request.get('/api/notifications/preferences', { headers: { Authorization: `Bearer ${anna}` } })).json(),
  ).toMatchObject({
    nonEssentialEmail: true,
  });
});
