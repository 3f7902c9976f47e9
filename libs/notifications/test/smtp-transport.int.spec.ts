import { SmtpTransport, type OutgoingMail } from '../src/transports';
import { ICS, sampleMail } from './support/outgoing-mail';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

// The SMTP transport composes each message in a worker thread and sends it as raw bytes with its
// own envelope; what arrives must be the message nodemailer composes from the same fields.

const mail = (over: Partial<OutgoingMail> = {}): OutgoingMail => sampleMail({ ics: { method: 'REQUEST', content: ICS }, ...over });

describe('SmtpTransport', () => {
  let sink: SmtpSink;
  let transport: SmtpTransport;
  beforeEach(async () => {
    sink = await startSmtpSink();
    transport = new SmtpTransport(sink.url, { timeoutMs: 5000 });
  });
  afterEach(async () => {
    transport.close();
    await sink.close();
  });

  it('delivers the composed message with its Message-ID, headers, both bodies and the invitation', async () => {
    await transport.send(mail());
    expect(sink.mails).toHaveLength(1);
    const [received] = sink.mails;
    expect(received.messageId).toBe('<0b6f1c1e-5d1c-4f7a-9f6e-3f0c2a1d9e11@gzc.example>');
    expect(received.subject).toBe('Zitting gepland in zaak GZC-2026-0001 — één afspraak');
    expect(received.from?.value).toEqual([{ name: 'Geschilleninstantie Zorgcontractering', address: 'noreply@gzc.example' }]);
    expect(received.to && !Array.isArray(received.to) ? received.to.value : []).toEqual([
      { name: 'Anna de Vries-Özdemir', address: 'anna@zorgaanbieder.example' },
    ]);
    expect(received.date?.toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(received.headers.get('x-gzc-notification')).toBe('session_scheduled');
    expect(received.headers.get('x-gzc-case-link')).toBe('https://gzc.example/zaken/d-1');
    expect(received.text).toContain('Beste Anna,\n\nEr is een zitting gepland op 12 januari.');
    expect(received.html).toContain('één afspraak');
    const invitation = received.attachments.find((a) => a.contentType === 'text/calendar');
    expect(invitation?.content.toString('utf8')).toBe(ICS);
  });

  it('sends several messages at once, each to its own recipient', async () => {
    const to = ['a@zorg.example', 'b@zorg.example', 'c@zorg.example', 'd@zorg.example'];
    await Promise.all(
      to.map((address, i) => transport.send(mail({ messageId: `<m-${i}@gzc.example>`, to: { name: 'X', address }, ics: undefined }))),
    );
    const byId = new Map(sink.mails.map((m) => [m.messageId, m.to && !Array.isArray(m.to) ? m.to.value[0].address : undefined]));
    expect(byId).toEqual(new Map(to.map((address, i) => [`<m-${i}@gzc.example>`, address])));
  });

  it('refuses a From without an address before it composes or connects', async () => {
    await expect(transport.send(mail({ from: 'Geschilleninstantie' }))).rejects.toThrow(/MAIL_FROM has no address/);
    expect(sink.mails).toHaveLength(0);
  });
});
