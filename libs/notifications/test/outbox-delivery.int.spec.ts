import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import type { DataSource } from 'typeorm';
import type { OpenedReadModels } from '../../read-models/src';
import { select } from '../../read-models/src/sql';
import { openTarget, READ_MODEL_TARGETS } from '../../read-models/test/targets';
import { insertOutboxRows } from '../src/outbox-sql';
import { messageIdOf, outboxIdOf, type OutboxRow } from '../src/outbox-message';
import { OutboxSender } from '../src/outbox-sender';
import { openNotificationConnection } from '../src/notification-connection';
import { SmtpTransport } from '../src/transports';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

// Delivery against a real SMTP server on loopback, on SQLite and (with DATABASE_URL) PostgreSQL:
// refusals (4xx and 5xx) and dropped connections are retried with backoff (nothing lost, nothing
// thrown); two sender processes never send a message twice; a sender SIGKILLed between sending and
// marking, alone or next to another sender, leaves a repeat of that one message only, with the
// same Message-ID.

const FIXTURE = join(__dirname, 'fixtures', 'send-outbox.js');
const T0 = new Date();
const RECIPIENTS = [
  { userId: 'prov-anna', email: 'anna@fysio-delinde.example', recipientName: 'Anna de Linde' },
  { userId: 'ins-carla', email: 'carla@zv-noord.example', recipientName: 'Carla Noordhuis' },
  { userId: 'sec-jan', email: 'jan@geschilleninstantie.example', recipientName: 'Jan de Secretaris' },
];

function rows(n: number, prefix: string): OutboxRow[] {
  return Array.from({ length: n }, (_, i) => {
    const id = outboxIdOf(`${prefix}-${i}`);
    return {
      id,
      messageId: messageIdOf(id, 'geschillen.example.nl'),
      ...RECIPIENTS[i % RECIPIENTS.length],
      disputeId: 'd1',
      kind: 'document_submitted',
      essential: false,
      subject: `Bericht ${prefix} ${i}`,
      bodyText: `Beste lezer,\n\nBericht ${i}\n`,
      bodyHtml: `<p>Bericht ${i}</p>`,
      link: 'https://geschillen.example.nl/zaken/d1',
      ics: null,
      icsMethod: null,
      createdAt: T0.toISOString(),
    };
  });
}

function runChild(location: OpenedReadModels['location'], url: string, batch: number, offsetMs: number, from?: string, wait = false) {
  const args = [FIXTURE, JSON.stringify(location), url, String(batch), String(offsetMs), ...(from ? [from] : [])];
  const env = { ...process.env, SENDER_WAIT: wait ? 'on' : 'off' };
  const child = spawn(process.execPath, args, { cwd: join(__dirname, '..', '..', '..'), env });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, out: () => out, err: () => err };
}

type Child = ReturnType<typeof runChild>;
type SendRoundLine = { sent: number; failed: number; skipped: number };

/** Lets senders started with `wait` go at the same moment, once every one of them has opened its connection. */
async function startTogether(children: Child[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!children.every((c) => c.out().includes('ready'))) {
    if (Date.now() > deadline) throw new Error(`senders not ready: ${children.map((c) => c.err()).join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const c of children) c.child.stdin.end('go\n');
}

const toOf = (m: ParsedMail): string => (m.to && !Array.isArray(m.to) ? String(m.to.value[0]?.address) : '');
const fromOf = (m: ParsedMail): string => String(m.from?.value[0]?.address);
const idsOf = (sink: SmtpSink): string[] => sink.mails.map((m) => String(m.messageId));
/** "recipient messageId" per accepted mail: what each person actually received. */
const receiptsOf = (sink: SmtpSink): string[] => sink.mails.map((m) => `${toOf(m)} ${String(m.messageId)}`);
const expectedReceipts = (list: OutboxRow[]): string[] => list.map((r) => `${r.email} ${r.messageId}`).sort();
const repeatsOf = (values: string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);
const countStatus = async (ds: DataSource, status: string): Promise<number> =>
  Number((await select<{ n: number }>(ds.manager, 'SELECT COUNT(*) AS n FROM notification_messages WHERE status = ?', [status]))[0].n);

describe.each(READ_MODEL_TARGETS)('outbox delivery over SMTP (%s)', (kind) => {
  let dir: string;
  let readModels: OpenedReadModels;
  let sink: SmtpSink;
  let onAccepted: ((mail: ParsedMail) => Promise<void> | void) | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gzc-outbox-'));
    readModels = await openTarget(kind, dir);
    onAccepted = undefined;
    sink = await startSmtpSink({ onAccepted: (mail) => onAccepted?.(mail) });
  });

  afterEach(async () => {
    await sink.close();
    await readModels.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fill = (list: OutboxRow[]) => readModels.dataSource.transaction((m) => insertOutboxRows(m, list));

  it('retries refused (4xx and 5xx) and dropped deliveries with backoff, losing nothing and throwing nothing', async () => {
    const all = rows(6, 'retry');
    await fill(all);
    let now = new Date(T0.getTime() + 1000);
    const connection = await openNotificationConnection(readModels.location, 'test');
    const errors: unknown[] = [];
    const sender = new OutboxSender(connection, {
      transport: new SmtpTransport(sink.url, { timeoutMs: 3000 }),
      from: 'test@geschilleninstantie.example',
      now: () => now,
      batchSize: 10,
      baseBackoffMs: 30_000,
      onError: (e) => errors.push(e),
    });
    try {
      sink.refuseNext(2, 451);
      expect(await sender.round()).toEqual({ sent: 4, failed: 2, skipped: 0 });
      // Not due yet: the backoff holds them back.
      expect(await sender.round()).toEqual({ sent: 0, failed: 0, skipped: 0 });
      const retried = await select<{ attempts: number; last_error: string; next_attempt_at: string }>(
        connection.manager,
        "SELECT attempts, last_error, next_attempt_at FROM notification_messages WHERE status = 'pending'",
        [],
      );
      expect(retried).toHaveLength(2);
      for (const row of retried) {
        expect(Number(row.attempts)).toBe(1);
        expect(row.last_error).toMatch(/451/);
        expect(Date.parse(row.next_attempt_at) - now.getTime()).toBe(30_000);
      }
      // A permanent refusal (550) is not the end either: the message waits longer (1 min) and is retried.
      now = new Date(now.getTime() + 31_000);
      sink.refuseNext(1, 550);
      expect(await sender.round()).toEqual({ sent: 1, failed: 1, skipped: 0 });
      const refused = await select<{ attempts: number; last_error: string; next_attempt_at: string }>(
        connection.manager,
        "SELECT attempts, last_error, next_attempt_at FROM notification_messages WHERE status = 'pending'",
        [],
      );
      expect(refused.map((r) => [Number(r.attempts), /550/.test(r.last_error), Date.parse(r.next_attempt_at) - now.getTime()])).toEqual([
        [2, true, 60_000],
      ]);
      now = new Date(now.getTime() + 61_000);
      // A dropped connection: nodemailer's pool may put the message back in its own queue and send
      // it on a fresh connection at once, or the round records a failure and a later round retries.
      sink.dropNext(1);
      for (let i = 0; i < 5 && (await countStatus(connection, 'sent')) < all.length; i++) {
        await sender.round();
        now = new Date(now.getTime() + 130_000);
      }
      expect(sink.refusals).toBe(4);
      expect(receiptsOf(sink).sort()).toEqual(expectedReceipts(all));
      expect(errors.length).toBeGreaterThanOrEqual(3);
      expect(await countStatus(connection, 'sent')).toBe(all.length);
    } finally {
      await sender.stop();
      await connection.destroy();
    }
  });

  it('two sender processes deliver each message exactly once to each recipient', async () => {
    const all = rows(60, 'two');
    await fill(all);
    const a = runChild(readModels.location, sink.url, 5, 1000, 'sender-a@geschilleninstantie.example', true);
    const b = runChild(readModels.location, sink.url, 5, 1000, 'sender-b@geschilleninstantie.example', true);
    // The server holds the first message it gets until the other sender's first message arrives:
    // so both are sending at the same time, however the machine schedules them.
    let bothSending!: () => void;
    const both = new Promise<void>((resolve) => (bothSending = resolve));
    const senders = new Set<string>();
    onAccepted = async (mail) => {
      senders.add(fromOf(mail));
      if (senders.size === 2) bothSending();
      await both;
    };
    await startTogether([a, b]);
    // Not for ever: if the other never sends, the assertions below say so, not a timeout.
    const giveUp = setTimeout(bothSending, 10_000);
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    clearTimeout(giveUp);
    expect([ea.code, eb.code, a.err(), b.err()]).toEqual([0, 0, '', '']);
    expect(receiptsOf(sink).sort()).toEqual(expectedReceipts(all));
    // Both took part (the work was shared, not done twice).
    expect(a.out()).toMatch(/"sent":[1-9]/);
    expect(b.out()).toMatch(/"sent":[1-9]/);
    expect(senders.size).toBe(2);
    // No round took more than its batch (on PostgreSQL a concurrent claim once leased them all).
    const rounds = [a.out(), b.out()].flatMap((out) => [...out.matchAll(/^round (.*)$/gm)].map((m) => JSON.parse(m[1]) as SendRoundLine));
    expect(Math.max(...rounds.map((r) => r.sent + r.failed + r.skipped))).toBeLessThanOrEqual(5);
    expect(await countStatus(readModels.queryDataSource, 'sent')).toBe(60);
  }, 90_000);

  it('a sender killed mid-batch between sending and marking: the next one repeats that message with the same Message-ID, and no other', async () => {
    const all = rows(12, 'kill');
    await fill(all);
    const first = runChild(readModels.location, sink.url, 10, 1000);
    let killedAt: string | undefined;
    onAccepted = async (mail) => {
      if (sink.mails.length === 4 && !killedAt) {
        killedAt = String(mail.messageId);
        first.child.kill('SIGKILL');
        await first.exited;
      }
    };
    const ended = await first.exited;
    expect(ended.signal).toBe('SIGKILL');
    onAccepted = undefined;
    // After the lease (60 s) the claimed rows are free again.
    const second = runChild(readModels.location, sink.url, 10, 1000 + 61_000);
    expect((await second.exited).code).toBe(0);
    expect(new Set(receiptsOf(sink))).toEqual(new Set(expectedReceipts(all)));
    expect(repeatsOf(idsOf(sink))).toEqual([killedAt]);
    expect(await countStatus(readModels.queryDataSource, 'sent')).toBe(12);
  }, 90_000);

  it('two senders at once, one SIGKILLed mid-batch and restarted: each recipient gets each message once, bar that one repeat', async () => {
    const all = rows(45, 'both');
    await fill(all);
    const a = runChild(readModels.location, sink.url, 5, 1000, 'sender-a@geschilleninstantie.example', true);
    const b = runChild(readModels.location, sink.url, 5, 1000, 'sender-b@geschilleninstantie.example', true);
    await startTogether([a, b]);
    let killedAt: string | undefined;
    let fromA = 0;
    onAccepted = async (mail) => {
      // Kill A while the server holds its third message: accepted here, never marked sent by A.
      if (fromOf(mail) === 'sender-a@geschilleninstantie.example' && ++fromA === 3 && !killedAt) {
        killedAt = String(mail.messageId);
        a.child.kill('SIGKILL');
        await a.exited;
      }
    };
    expect((await a.exited).signal).toBe('SIGKILL');
    // B goes on with everything not held by A's lease.
    const endedB = await b.exited;
    expect([endedB.code, b.err()]).toEqual([0, '']);
    onAccepted = undefined;
    expect(await countStatus(readModels.queryDataSource, 'sent')).toBeLessThan(45);
    // A is started again after its lease passed: it sends what the killed process held.
    const again = runChild(readModels.location, sink.url, 5, 1000 + 61_000, 'sender-a@geschilleninstantie.example');
    expect((await again.exited).code).toBe(0);
    expect(new Set(receiptsOf(sink))).toEqual(new Set(expectedReceipts(all)));
    expect(repeatsOf(receiptsOf(sink))).toEqual([`${all.find((r) => r.messageId === killedAt)!.email} ${killedAt}`]);
    expect(await countStatus(readModels.queryDataSource, 'sent')).toBe(45);
  }, 120_000);
});
