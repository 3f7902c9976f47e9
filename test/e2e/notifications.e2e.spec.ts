import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { ManualClock } from '../../libs/runtime/src/clock';
import { NotificationRuntime } from '../../libs/notifications/src';
import { act, CLAIMANT, fileDispute, MEDIATOR, RESPONDENT, SECRETARIAT } from './support/dispute-fixtures';
import { upload } from './support/documents';
import { samplePdf } from './support/sample-documents';
import { startSmtpSink, type SmtpSink } from '../../libs/notifications/test/support/smtp-sink';
import { removeDataDir, startTestApp, toApiResponse, type TestApp } from './support/test-app';

const PUBLIC_URL = 'https://geschillen.example.nl';
const EMAIL: Record<string, string> = {
  'prov-anna': 'anna@fysio-delinde.example',
  'ins-carla': 'carla@zv-noord.example',
  'sec-jan': 'jan@geschilleninstantie.example',
  'med-femke': 'femke@geschilleninstantie.example',
};
const WHO = Object.fromEntries(Object.entries(EMAIL).map(([id, email]) => [email, id]));

const kindOf = (mail: ParsedMail): string => String(mail.headers.get('x-gzc-notification'));
const recipientOf = (mail: ParsedMail): string => {
  const to = mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined;
  return WHO[to ?? ''] ?? `unknown:${to}`;
};

/** Runs the notifier up to the log's head and the sender until nothing is due. */
async function deliverAll(t: TestApp): Promise<void> {
  const runtime = t.app.get(NotificationRuntime);
  await runtime.waitForPosition(await headPosition(t));
  for (let i = 0; i < 50; i++) {
    const round = await runtime.sendNow();
    if (round.sent + round.failed + round.skipped === 0) return;
  }
}

async function put(t: TestApp, userId: string, path: string, body: object) {
  return toApiResponse(
    await t
      .http()
      .put(path)
      .set({ Authorization: `Bearer ${await t.token(userId)}` })
      .send(body),
  );
}

async function headPosition(t: TestApp): Promise<number> {
  const { EVENT_STORE } = await import('../../libs/runtime/src/tokens');
  return t.app.get<{ headPosition(): Promise<number> }>(EVENT_STORE).headPosition();
}

describe('notifications by e-mail: the full mediation path', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  // A Monday morning in December (Amsterdam is UTC+1).
  const clock = new ManualClock(new Date('2026-12-07T08:00:00.000Z'));

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      clock,
      env: { SMTP_URL: smtp.url, PUBLIC_URL, NOTIFICATION_SEND_INTERVAL_MS: '3600000' },
    });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('tells exactly the right people, in Dutch, with working links and a calendar invitation in Amsterdam time', async () => {
    const id = await fileDispute(t, CLAIMANT);
    await act(t, SECRETARIAT, id, 'register');
    await act(t, RESPONDENT, id, 'accept-submission', { route: 'mediation' });
    await act(t, SECRETARIAT, id, 'nominate-neutrals', { neutralUserIds: [MEDIATOR] });
    // Both parties waive their right to challenge, so the appointment need not wait (rule 11).
    await act(t, CLAIMANT, id, 'waive-challenge');
    await act(t, RESPONDENT, id, 'waive-challenge');
    await act(t, SECRETARIAT, id, 'appoint-neutrals');
    // Thursday 17 December 2026, 14:30 in Amsterdam.
    const session = await act(t, MEDIATOR, id, 'schedule-session', {
      startsAt: '2026-12-17T13:30:00.000Z',
      location: 'Utrecht, Catharijnesingel 1',
    });
    // A note for the mediator alone: the other party must not even hear that it exists.
    const uploaded = await upload(
      t,
      CLAIMANT,
      id,
      { filename: 'voor-de-mediator.pdf', contentType: 'application/pdf', content: samplePdf() },
      { visibility: 'neutral_only' },
    );
    expect(uploaded.status).toBe(201);
    // Ten days pass; the notifier had long caught up (it mails nothing about the distant past).
    await t.app.get(NotificationRuntime).waitForPosition(await headPosition(t));
    clock.set('2026-12-17T15:00:00.000Z');
    await act(t, MEDIATOR, id, 'record-session', {
      sessionId: session.body.sessionId,
      notes: 'Vertrouwelijk: partijen dichtbij een akkoord',
    });
    await act(t, MEDIATOR, id, 'conclude-mediation', { result: 'no_agreement' });

    await deliverAll(t);

    const got = smtp.mails.map((m) => `${kindOf(m)} → ${recipientOf(m)}`).sort();
    expect(got).toEqual(
      [
        'dispute_filed → prov-anna',
        'dispute_filed → sec-jan',
        'case_registered → prov-anna',
        'respondent_invited → ins-carla',
        'answer_given → prov-anna',
        'answer_given → sec-jan',
        'neutrals_nominated → prov-anna',
        'neutrals_nominated → ins-carla',
        'nomination_received → med-femke',
        'neutrals_appointed → prov-anna',
        'neutrals_appointed → ins-carla',
        'neutrals_appointed → med-femke',
        'session_scheduled → prov-anna',
        'session_scheduled → ins-carla',
        'session_scheduled → med-femke',
        'document_submitted → med-femke',
        'mediation_concluded → prov-anna',
        'mediation_concluded → ins-carla',
        'mediation_concluded → sec-jan',
      ].sort(),
    );

    // Every message is Dutch, links to the case page, and never carries the confidential notes.
    for (const mail of smtp.mails) {
      expect(mail.text).toContain(`${PUBLIC_URL}/zaken/${id}`);
      expect(mail.html).toContain(`href="${PUBLIC_URL}/zaken/${id}"`);
      expect(mail.text).toMatch(/^Beste /);
      expect(mail.text).not.toContain('Vertrouwelijk');
      expect(mail.text).not.toContain('voor-de-mediator');
      expect(mail.messageId).toMatch(/^<[0-9a-f]{40}@geschillen\.example\.nl>$/);
    }

    const invitation = smtp.mails.find((m) => kindOf(m) === 'respondent_invited')!;
    expect(invitation.subject).toMatch(/u wordt gevraagd te antwoorden/);
    expect(invitation.text).toMatch(/uiterlijk \d+ december 2026 om 23:59/);
    expect(invitation.text).toContain('Let op: als u niet op tijd antwoordt, telt dat als nee.');

    const sessionMail = smtp.mails.find((m) => kindOf(m) === 'session_scheduled' && recipientOf(m) === 'ins-carla')!;
    expect(sessionMail.text).toContain('donderdag 17 december 2026 om 14:30');
    const icsPart = sessionMail.attachments.find((a) => a.contentType.startsWith('text/calendar')) ?? undefined;
    const icsText = icsPart
      ? icsPart.content.toString('utf8')
      : String((sessionMail as unknown as { textAsHtml?: string }).textAsHtml ?? '');
    const calendar = new ICAL.Component(ICAL.parse(icsText));
    ICAL.TimezoneService.register(new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.startDate.zone.tzid).toBe('Europe/Amsterdam');
    expect([event.startDate.hour, event.startDate.minute]).toEqual([14, 30]);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-17T13:30:00.000Z');
    expect(event.location).toBe('Utrecht, Catharijnesingel 1');

    // The portal shows the same messages to their recipient only.
    const list = await t.as(RESPONDENT).get('/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { kind: string }) => i.kind)).toEqual(
      expect.arrayContaining([
        'respondent_invited',
        'neutrals_nominated',
        'neutrals_appointed',
        'session_scheduled',
        'mediation_concluded',
      ]),
    );
    expect(list.body.items.every((i: { disputeId: string }) => i.disputeId === id)).toBe(true);
    expect(list.body.unreadCount).toBe(list.body.items.length);
    expect((await t.as(CLAIMANT).post(`/api/notifications/${list.body.items[0].id}/read`)).status).toBe(404);
    expect((await t.as(RESPONDENT).post(`/api/notifications/${list.body.items[0].id}/read`)).status).toBe(204);
    expect((await t.as(RESPONDENT).get('/api/notifications')).body.unreadCount).toBe(list.body.items.length - 1);
  });
});

describe('reminders and missed deadlines, with a movable clock', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-12-07T08:00:00.000Z'));

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      clock,
      env: { SMTP_URL: smtp.url, PUBLIC_URL, NOTIFICATION_SEND_INTERVAL_MS: '3600000', REMINDER_DAYS: '3,1' },
    });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('reminds whoever must act 3 days and 1 day before, once each, then tells both sides the deadline passed and what follows', async () => {
    const runtime = t.app.get(NotificationRuntime);
    const id = await fileDispute(t, CLAIMANT);
    await act(t, SECRETARIAT, id, 'register');
    await deliverAll(t);
    const view = (await t.as(SECRETARIAT).get(`/api/disputes/${id}`)).body;
    const answer = view.deadlines.find((d: { kind: string }) => d.kind === 'respondent_answer');
    const due = Date.parse(answer.dueAt);
    const since = () => smtp.mails.length;
    const mailsAfter = (n: number) => smtp.mails.slice(n).map((m) => `${kindOf(m)} → ${recipientOf(m)}`);

    // Four days before: nothing yet.
    clock.set(new Date(due - 4 * 86_400_000));
    expect(await runtime.scanReminders()).toBe(0);

    clock.set(new Date(due - 3 * 86_400_000 + 3_600_000));
    let before = since();
    expect(await runtime.scanReminders()).toBe(1);
    expect(await runtime.scanReminders()).toBe(0); // once, however often the scan runs
    await deliverAll(t);
    expect(mailsAfter(before)).toEqual(['deadline_reminder → ins-carla']);
    const reminder = smtp.mails[smtp.mails.length - 1];
    expect(reminder.subject).toContain('nog 3 dagen');
    expect(reminder.text).toContain('antwoorden op het verzoek');
    expect(reminder.text).toContain(`${PUBLIC_URL}/zaken/${id}`);

    clock.set(new Date(due - 86_400_000 + 3_600_000));
    before = since();
    expect(await runtime.scanReminders()).toBe(1);
    await deliverAll(t);
    expect(mailsAfter(before)).toEqual(['deadline_reminder → ins-carla']);
    expect(smtp.mails[smtp.mails.length - 1].subject).toContain('nog 1 dag');

    // The deadline passes: the scheduler records it, and both sides (and the secretariat) hear what follows.
    clock.set(new Date(due + 60_000));
    before = since();
    expect(await runtime.scanReminders()).toBe(0);
    await t.scheduler().tick();
    await deliverAll(t);
    const after = mailsAfter(before);
    expect(after).toEqual(
      expect.arrayContaining(['deadline_missed → prov-anna', 'deadline_missed → ins-carla', 'deadline_missed → sec-jan']),
    );
    const missed = smtp.mails.slice(before).find((m) => kindOf(m) === 'deadline_missed' && recipientOf(m) === 'prov-anna')!;
    expect(missed.text).toContain('Geen antwoord telt als nee');
  });
});

describe('preferences and the outbox in /health', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-12-07T08:00:00.000Z'));

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      clock,
      env: { SMTP_URL: smtp.url, PUBLIC_URL, NOTIFICATION_SEND_INTERVAL_MS: '3600000', NOTIFICATION_BACKLOG_ALERT_SECONDS: '60' },
    });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('a user switches off what may be switched off; deadlines and decisions still come; the portal still shows all', async () => {
    const bad = await put(t, CLAIMANT, '/api/notifications/preferences', { nonEssentialEmail: 'nee' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['nonEssentialEmail']);
    const saved = await put(t, CLAIMANT, '/api/notifications/preferences', { nonEssentialEmail: false });
    expect(saved.status).toBe(200);
    expect(saved.body.nonEssentialEmail).toBe(false);
    expect(saved.body.nonEssentialKinds).toContain('document_submitted');

    const id = await fileDispute(t, CLAIMANT);
    await act(t, SECRETARIAT, id, 'register');
    await act(t, RESPONDENT, id, 'accept-submission', { route: 'mediation' });
    expect(
      (
        await upload(
          t,
          RESPONDENT,
          id,
          { filename: 'offerte.pdf', contentType: 'application/pdf', content: samplePdf() },
          { visibility: 'parties' },
        )
      ).status,
    ).toBe(201);
    await deliverAll(t);
    const toAnna = smtp.mails
      .filter((m) => recipientOf(m) === 'prov-anna')
      .map(kindOf)
      .sort();
    // dispute_filed and document_submitted may be switched off; registration and the answer may not.
    expect(toAnna).toEqual(['answer_given', 'case_registered']);
    const portal = (await t.as(CLAIMANT).get('/api/notifications')).body.items as { kind: string; delivery: string }[];
    expect(portal.find((i) => i.kind === 'document_submitted')?.delivery).toBe('skipped');
    expect(portal.find((i) => i.kind === 'case_registered')?.delivery).toBe('sent');
  });

  it('/health says when the outbox is backing up, and recovers when mail flows again', async () => {
    expect((await t.http().get('/health')).status).toBe(200);
    smtp.refuseNext(1000);
    const id = await fileDispute(t, CLAIMANT);
    await deliverAll(t);
    clock.set(new Date(clock.now().getTime() + 5 * 60_000));
    const sick = await t
      .http()
      .get('/health')
      .set({ Authorization: `Bearer ${await t.token(SECRETARIAT)}` });
    expect(sick.status).toBe(503);
    expect(sick.body.checks.notificationOutbox).toMatchObject({ ok: false, detail: { backingUp: true } });
    expect(sick.body.checks.notificationOutbox.detail.pending).toBeGreaterThan(0);
    // Mail backing up is for monitoring: the instance still serves, so readiness stays up.
    expect((await t.http().get('/health/ready')).status).toBe(200);
    smtp.refuseNext(0);
    clock.set(new Date(clock.now().getTime() + 2 * 3_600_000));
    await deliverAll(t);
    expect((await t.http().get('/health')).status).toBe(200);
    expect(smtp.mails.filter((m) => m.text?.includes(id)).length).toBeGreaterThan(0);
  });
});
