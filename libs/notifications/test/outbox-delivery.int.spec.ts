import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openReadModels, type OpenedReadModels } from '../../read-models/src';
import { insertOutboxRows } from '../src/outbox-sql';
import { messageIdOf, outboxIdOf, type OutboxRow } from '../src/outbox-message';
import { OutboxSender } from '../src/outbox-sender';
import { openNotificationConnection } from '../src/notification-connection';
import { SmtpTransport } from '../src/transports';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

// Delivery against a real SMTP server on loopback: refusals and dropped connections are retried
// with backoff (nothing lost, nothing thrown), two sender processes never send a message twice,
// and a sender killed between sending and marking leaves a repeat with the same Message-ID only.

const FIXTURE = join(__dirname, 'fixtures', 'send-outbox.js');
const T0 = new Date();

function rows(n: number, prefix: string): OutboxRow[] {
  return Array.from({ length: n }, (_, i) => {
    const id = outboxIdOf(`${prefix}-${i}`);
    return {
      id,
      messageId: messageIdOf(id, 'geschillen.example.nl'),
      userId: 'prov-anna',
      email: 'anna@fysio-delinde.example',
      recipientName: 'Anna de Linde',
      disputeId: 'd1',
      kind: 'document_submitted',
      essential: false,
      subject: `Bericht ${prefix} ${i}`,
      bodyText: `Beste Anna,\n\nBericht ${i}\n`,
      bodyHtml: `<p>Bericht ${i}</p>`,
      link: 'https://geschillen.example.nl/zaken/d1',
      ics: null,
      icsMethod: null,
      createdAt: T0.toISOString(),
    };
  });
}

function runChild(file: string, url: string, batch: number, offsetMs: number) {
  const child = spawn(process.execPath, [FIXTURE, file, url, String(batch), String(offsetMs)], { cwd: join(__dirname, '..', '..', '..') });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, out: () => out, err: () => err };
}

const idsOf = (sink: SmtpSink): string[] => sink.mails.map((m) => String(m.messageId));
const countStatus = async (ds: DataSource, status: string): Promise<number> =>
  Number((await ds.query('SELECT COUNT(*) AS n FROM notification_messages WHERE status = ?', [status]))[0].n);

describe('outbox delivery over SMTP', () => {
  let dir: string;
  let readModels: OpenedReadModels;
  let sink: SmtpSink;
  let onAccepted: ((id: string) => Promise<void> | void) | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gzc-outbox-'));
    readModels = await openReadModels({ dataDir: dir });
    onAccepted = undefined;
    sink = await startSmtpSink({ onAccepted: (mail) => onAccepted?.(String(mail.messageId)) });
  });

  afterEach(async () => {
    await sink.close();
    await readModels.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fill = (list: OutboxRow[]) => readModels.dataSource.transaction((m) => insertOutboxRows(m, list));
  const file = () => join(dir, 'read-models.sqlite');

  it('retries refused and dropped deliveries with backoff, losing nothing and throwing nothing', async () => {
    await fill(rows(5, 'retry'));
    let now = new Date(T0.getTime() + 1000);
    const connection = await openNotificationConnection({ kind: 'sqlite', filename: file() }, 'test');
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
      sink.refuseNext(2);
      expect(await sender.round()).toEqual({ sent: 3, failed: 2, skipped: 0 });
      // Not due yet: the backoff holds them back.
      expect(await sender.round()).toEqual({ sent: 0, failed: 0, skipped: 0 });
      now = new Date(now.getTime() + 31_000);
      // A dropped connection: nodemailer's pool may put the message back in its own queue and send
      // it on a fresh connection at once, or the round records a failure and a later round retries.
      sink.dropNext(1);
      for (let i = 0; i < 5 && (await countStatus(connection, 'sent')) < 5; i++) {
        await sender.round();
        now = new Date(now.getTime() + 61_000);
      }
      expect(sink.refusals).toBe(3);
      expect(new Set(idsOf(sink)).size).toBe(5);
      expect(idsOf(sink)).toHaveLength(5);
      expect(errors.length).toBeGreaterThanOrEqual(2);
      expect(await countStatus(connection, 'sent')).toBe(5);
    } finally {
      await sender.stop();
      await connection.destroy();
    }
  });

  it('two sender processes deliver each message exactly once', async () => {
    const all = rows(60, 'two');
    await fill(all);
    const a = runChild(file(), sink.url, 5, 1000);
    const b = runChild(file(), sink.url, 5, 1000);
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect([ea.code, eb.code, a.err(), b.err()]).toEqual([0, 0, '', '']);
    const ids = idsOf(sink);
    expect(ids).toHaveLength(60);
    expect(new Set(ids)).toEqual(new Set(all.map((r) => r.messageId)));
    // Both took part (the work was shared, not done twice).
    expect(a.out()).toMatch(/"sent":[1-9]/);
    expect(b.out()).toMatch(/"sent":[1-9]/);
    expect(await countStatus(readModels.queryDataSource, 'sent')).toBe(60);
  }, 60_000);

  it('a sender killed mid-batch between sending and marking: the next one repeats that message with the same Message-ID, and no other', async () => {
    const all = rows(12, 'kill');
    await fill(all);
    const first = runChild(file(), sink.url, 10, 1000);
    let killedAt: string | undefined;
    onAccepted = async (id) => {
      if (sink.mails.length === 4 && !killedAt) {
        killedAt = id;
        first.child.kill('SIGKILL');
        await first.exited;
      }
    };
    const ended = await first.exited;
    expect(ended.signal).toBe('SIGKILL');
    onAccepted = undefined;
    // After the lease (60 s) the claimed rows are free again.
    const second = runChild(file(), sink.url, 10, 1000 + 61_000);
    expect((await second.exited).code).toBe(0);
    const ids = idsOf(sink);
    expect(new Set(ids)).toEqual(new Set(all.map((r) => r.messageId)));
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([killedAt]);
    expect(await countStatus(readModels.queryDataSource, 'sent')).toBe(12);
  }, 60_000);
});
