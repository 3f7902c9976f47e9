import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { NotificationRuntime, openNotificationConnection, WebhookSender } from '../../libs/notifications/src';
import type { OpenedReadModels } from '../../libs/read-models/src';
import { ManualClock } from '../../libs/runtime/src/clock';
import { EVENT_STORE } from '../../libs/runtime/src/tokens';
import { READ_MODEL_HANDLE } from '../../apps/api/src/infrastructure/infrastructure.tokens';
import { act, CLAIMANT, fileDispute, MEDIATOR, RESPONDENT, SECRETARIAT } from './support/dispute-fixtures';
import { upload } from './support/documents';
import { samplePdf } from './support/sample-documents';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/** An organisation's system on loopback: answers each POST with the next planned status (then 200). */
async function startReceiver() {
  const received: Received[] = [];
  const plan: (number | 'hang')[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const next = plan.shift() ?? 200;
      if (next === 'hang') return; // never answers: the sender's timeout must fire
      received.push({ path: req.url ?? '', headers, body, status: next });
      res.writeHead(next).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    plan,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe('webhooks for organisations', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestApp({ clock, env: { WEBHOOK_ALLOW_LOOPBACK_HTTP: 'on', NOTIFICATION_SEND_INTERVAL_MS: '3600000', PUBLIC_URL: 'https://geschillen.example.nl' } });
  });

  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  const decided = async () => {
    const head = await t.app.get<{ headPosition(): Promise<number> }>(EVENT_STORE).headPosition();
    await t.app.get(NotificationRuntime).waitForPosition(head);
  };
  const deliver = async () => {
    for (let i = 0; i < 20; i++) {
      const round = await t.app.get(NotificationRuntime).deliverWebhooksNow();
      if (round.delivered + round.failed === 0) return;
    }
  };

  it('is managed by the secretariat alone, HTTPS only (loopback http in tests)', async () => {
    expect((await t.as(CLAIMANT).post('/api/webhooks', { organisationId: 'org-fysio-delinde', url: 'https://x.example/h' })).status).toBe(403);
    const bad = await t.as(SECRETARIAT).post('/api/webhooks', { organisationId: 'org-geschilleninstantie', url: 'http://x.example/h' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['organisationId', 'url']);
  });

  it('posts, signed per Standard Webhooks, only what the organisation may see; retries on 5xx and timeouts', async () => {
    const claimantHook = await t.as(SECRETARIAT).post('/api/webhooks', { organisationId: 'org-fysio-delinde', url: receiver.url('/claimant') });
    const respondentHook = await t.as(SECRETARIAT).post('/api/webhooks', { organisationId: 'org-zv-noord', url: receiver.url('/respondent') });
    expect([claimantHook.status, respondentHook.status]).toEqual([201, 201]);
    expect(claimantHook.body.secret).toMatch(/^whsec_/);
    expect((await t.as(SECRETARIAT).get('/api/webhooks')).body.every((e: Record<string, unknown>) => e.secret === undefined)).toBe(true);

    const id = await fileDispute(t, CLAIMANT);
    await decided();
    receiver.plan.push(500); // the claimant's system fails once
    await deliver();
    // Before registration the respondent does not learn of the case (rule 1); the claimant's system failed.
    expect(receiver.received.map((r) => `${r.path} ${r.status}`)).toEqual(['/claimant 500']);
    clock.set(new Date(clock.now().getTime() + 31_000));
    await deliver();
    expect(receiver.received.map((r) => `${r.path} ${JSON.parse(r.body).type} ${r.status}`)).toEqual(['/claimant dispute_filed 500', '/claimant dispute_filed 200']);
    // The retry is the same message: same webhook-id.
    expect(receiver.received[0].headers['webhook-id']).toBe(receiver.received[1].headers['webhook-id']);

    await act(t, SECRETARIAT, id, 'register');
    await act(t, RESPONDENT, id, 'accept-submission', { route: 'mediation' });
    await act(t, SECRETARIAT, id, 'nominate-neutrals', { neutralUserIds: [MEDIATOR] });
    // Both parties waive their right to challenge, so the appointment need not wait (rule 11).
    await act(t, CLAIMANT, id, 'waive-challenge');
    await act(t, RESPONDENT, id, 'waive-challenge');
    await act(t, SECRETARIAT, id, 'appoint-neutrals');
    // For the mediator alone: neither organisation's system hears of it, not even the submitter's own.
    expect((await upload(t, CLAIMANT, id, { filename: 'alleen-mediator.pdf', contentType: 'application/pdf', content: samplePdf() }, { visibility: 'neutral_only' })).status).toBe(201);
    await decided();
    await deliver();
    const types = (path: string) => receiver.received.filter((r) => r.path === path && r.status === 200).map((r) => JSON.parse(r.body).type);
    // Order is not promised (a retry overtakes nothing, but others may pass it): receivers sort on occurredAt.
    expect(types('/claimant').sort()).toEqual(['answer_given', 'case_registered', 'dispute_filed', 'neutrals_appointed', 'neutrals_nominated']);
    // Its own answer too: the organisation's system is not the person who answered.
    expect(types('/respondent').sort()).toEqual(['answer_given', 'neutrals_appointed', 'neutrals_nominated', 'respondent_invited']);

    for (const request of receiver.received) {
      const secret = request.path === '/claimant' ? claimantHook.body.secret : respondentHook.body.secret;
      const payload = new Webhook(secret).verify(request.body, request.headers) as { id: string; disputeId: string; link: string; summary: string };
      expect(payload.id).toBe(request.headers['webhook-id']);
      expect(payload.disputeId).toBe(id);
      expect(payload.link).toBe(`https://geschillen.example.nl/zaken/${id}`);
      expect(request.body).not.toContain('alleen-mediator');
      // Signed with the other organisation's secret it does not verify.
      const other = request.path === '/claimant' ? respondentHook.body.secret : claimantHook.body.secret;
      expect(() => new Webhook(other).verify(request.body, request.headers)).toThrow();
    }

    // The delivery log shows the failed attempt and the retry.
    const log = await t.as(SECRETARIAT).get(`/api/webhooks/${claimantHook.body.id}/deliveries`);
    const filed = log.body.find((d: { kind: string }) => d.kind === 'dispute_filed');
    expect(filed).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
    expect((await t.as(RESPONDENT).get(`/api/webhooks/${claimantHook.body.id}/deliveries`)).status).toBe(403);

    // A system that does not answer: the attempt times out and is retried, not lost.
    const handle = t.app.get<OpenedReadModels>(READ_MODEL_HANDLE);
    const connection = await openNotificationConnection(handle.location, 'webhook-timeout-test');
    try {
      await act(t, SECRETARIAT, id, 'invoice-fee', { organisationId: 'org-zv-noord', kind: 'administration', amountCents: 25_000 });
      await decided();
      receiver.plan.push('hang');
      const quick = new WebhookSender(connection, { now: () => clock.now(), timeoutMs: 300 });
      expect(await quick.round()).toEqual({ delivered: 0, failed: 1 });
      clock.set(new Date(clock.now().getTime() + 31_000));
      expect(await quick.round()).toEqual({ delivered: 1, failed: 0 });
      expect(types('/respondent').at(-1)).toBe('fee_invoiced');
      const respondentLog = await t.as(SECRETARIAT).get(`/api/webhooks/${respondentHook.body.id}/deliveries`);
      expect(respondentLog.body.find((d: { kind: string }) => d.kind === 'fee_invoiced')).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
    } finally {
      await connection.destroy();
    }
  });
});
