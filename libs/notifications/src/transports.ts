import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { MailComposerThread } from './mail-composer-thread';

/** One message as it leaves: every attempt for the same outbox row carries the same messageId. */
export interface OutgoingMail {
  messageId: string;
  /** The notice kind (e.g. respondent_invited), sent as the X-GZC-Notification header for mail filters. */
  kind: string;
  /** The case page. */
  link: string;
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  date: Date;
  ics?: { method: string; content: string };
}

export interface MailTransport {
  readonly kind: 'smtp' | 'eml';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The message as nodemailer's options (MailComposer, sendMail). */
export const toNodemailer = (mail: OutgoingMail) => ({
  messageId: mail.messageId,
  from: mail.from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  date: mail.date,
  headers: { 'X-GZC-Notification': mail.kind, 'X-GZC-Case-Link': mail.link },
  ...(mail.ics ? { icalEvent: { method: mail.ics.method.toLowerCase(), filename: 'uitnodiging.ics', content: mail.ics.content } } : {}),
});

/** The address of a From such as `Name <address>`, for the SMTP envelope. */
function envelopeSender(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  if (!first?.address) throw new Error(`MAIL_FROM has no address: ${from}`);
  return first.address;
}

/**
 * SMTP through nodemailer: `smtp://user:pass@host:587` upgrades with STARTTLS when the server
 * offers it (nodemailer's default), `smtps://` speaks TLS from the start.
 */
export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter;
  private readonly composer = new MailComposerThread();

  constructor(url: string, options: { timeoutMs?: number } = {}) {
    const timeout = options.timeoutMs ?? 30_000;
    // A pool keeps connections open between messages (pool=true in the URL is nodemailer's switch).
    const pooled = new URL(url);
    if (!pooled.searchParams.has('pool')) pooled.searchParams.set('pool', 'true');
    this.transporter = nodemailer.createTransport(pooled.toString(), {}) as Transporter;
    // Timeouts so a server that accepts the connection and then says nothing cannot hang the sender.
    Object.assign((this.transporter as unknown as { options: Record<string, unknown> }).options, {
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    // Composed in a worker thread (mail-composer-thread.ts) and sent as it is: the same bytes
    // nodemailer would compose here, off the event loop. With a raw message nodemailer reads no
    // addresses from it, so the envelope is given.
    const envelope = { from: envelopeSender(mail.from), to: [mail.to.address] };
    const raw = await this.composer.compose(toNodemailer(mail));
    await this.transporter.sendMail({ envelope, raw });
  }

  close(): void {
    this.composer.close();
    this.transporter.close();
  }
}

/**
 * The embedded default: each message written as `<DATA_DIR>/outbox/<id>.eml`, so a demo works with
 * nothing installed. Written under a temporary name and renamed, and named by the message id: a
 * repeat after a crash replaces the file with the same message. The bytes are what nodemailer's
 * stream transport (`newline: 'unix'`) writes, built by its MailComposer directly (the transport
 * only adds a plugin pipeline that has nothing to do for these messages), in a worker thread
 * (mail-composer-thread.ts).
 */
export class EmlFileTransport implements MailTransport {
  readonly kind = 'eml' as const;
  private readonly composer = new MailComposerThread();

  constructor(readonly folder: string) {
    // Messages hold personal data: the folder and the files are the server's alone, whatever the umask.
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    chmodSync(folder, 0o700);
  }

  async send(mail: OutgoingMail): Promise<void> {
    const name = mail.messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_');
    const target = join(this.folder, `${name}.eml`);
    await this.composer.writeFile(toNodemailer(mail), target, `${target}.${process.pid}.tmp`);
  }

  close(): void {
    this.composer.close();
  }
}
