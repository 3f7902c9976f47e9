import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';

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

const toNodemailer = (mail: OutgoingMail) => ({
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

/**
 * SMTP through nodemailer: `smtp://user:pass@host:587` upgrades with STARTTLS when the server
 * offers it (nodemailer's default), `smtps://` speaks TLS from the start.
 */
export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter;

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
    await this.transporter.sendMail(toNodemailer(mail));
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * The embedded default: each message written as `<DATA_DIR>/outbox/<id>.eml`, so a demo works with
 * nothing installed. Written under a temporary name and renamed, and named by the message id: a
 * repeat after a crash replaces the file with the same message.
 */
export class EmlFileTransport implements MailTransport {
  readonly kind = 'eml' as const;

  constructor(readonly folder: string) {
    // Messages hold personal data: the folder and the files are the server's alone, whatever the umask.
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    chmodSync(folder, 0o700);
  }

  async send(mail: OutgoingMail): Promise<void> {
    const message = await composeUnixMessage(mail);
    const name = mail.messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_');
    const target = join(this.folder, `${name}.eml`);
    const temporary = `${target}.${process.pid}.tmp`;
    // Synchronous on purpose: fs/promises costs more CPU per message (five thread-pool round trips)
    // than these small writes block the event loop.
    writeFileSync(temporary, message, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, target);
  }

  close(): void {
    // Nothing held open.
  }
}

/**
 * The message as nodemailer's stream transport (`newline: 'unix'`) wrote it, built by its
 * MailComposer directly: the same bytes (the transport only adds its plugin pipeline, which has
 * nothing to do for these messages, and drops every CR), at half the CPU per message, which the
 * embedded server spends twice per filing or registration.
 */
async function composeUnixMessage(mail: OutgoingMail): Promise<Buffer> {
  const crlf = await new Promise<Buffer>((resolve, reject) =>
    new MailComposer(toNodemailer(mail)).compile().build((error, message) => (error ? reject(error) : resolve(message))),
  );
  return Buffer.from(crlf.toString('latin1').replaceAll('\r', ''), 'latin1');
}
