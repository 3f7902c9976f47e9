import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  port: number;
  url: string;
  /** Every message accepted, parsed, in arrival order. */
  mails: ParsedMail[];
  /** How many times a message was refused or its connection dropped. */
  refusals: number;
  /** Refuse the next n messages: by default a temporary error (451), or the given code (e.g. 550, permanent). */
  refuseNext(n: number, code?: number): void;
  /** Drop the connection during the next n messages' data. */
  dropNext(n: number): void;
  close(): Promise<void>;
}

/** A real SMTP server on loopback (no TLS, no auth) that keeps what it receives. */
export async function startSmtpSink(options: { onAccepted?: (mail: ParsedMail) => Promise<void> | void } = {}): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  let refuse = 0;
  let refuseCode = 451;
  let drop = 0;
  const sink = { refusals: 0 } as { refusals: number };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (drop > 0) {
        drop--;
        sink.refusals++;
        stream.resume();
        // Cut the client off mid-message: nodemailer sees a closed connection.
        const connections = (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections;
        for (const connection of connections) connection._socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse--;
          sink.refusals++;
          const text = refuseCode >= 500 ? 'Mailbox unavailable' : 'Try again later';
          const error = Object.assign(new Error(text), { responseCode: refuseCode });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then(async (mail) => {
            mails.push(mail);
            // The test may act between receiving a message and answering it (e.g. kill the sender).
            await options.onAccepted?.(mail);
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    get refusals() {
      return sink.refusals;
    },
    refuseNext: (n, code = 451) => {
      refuse = n;
      refuseCode = code;
    },
    dropNext: (n) => (drop = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
