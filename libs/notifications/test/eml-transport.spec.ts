import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { EmlFileTransport, type OutgoingMail } from '../src/transports';

// The .eml transport builds messages with nodemailer's MailComposer directly (cheaper than a
// stream transport per message); the files must hold what the stream transport wrote.

const mail = (ics?: OutgoingMail['ics']): OutgoingMail => ({
  messageId: '<0b6f1c1e-5d1c-4f7a-9f6e-3f0c2a1d9e11@gzc.example>',
  kind: 'session_scheduled',
  link: 'https://gzc.example/zaken/d-1',
  from: 'Geschilleninstantie Zorgcontractering <noreply@gzc.example>',
  to: { name: 'Anna de Vries-Özdemir', address: 'anna@zorgaanbieder.example' },
  subject: 'Zitting gepland in zaak GZC-2026-0001 — één afspraak',
  text: 'Beste Anna,\n\nEr is een zitting gepland op 12 januari.\r\nMet vriendelijke groet\n'.repeat(30),
  html: '<p>Beste Anna,</p><p>Er is een zitting gepland op 12 januari — één afspraak.</p>'.repeat(30),
  date: new Date('2026-12-01T09:30:00.000Z'),
  ...(ics ? { ics } : {}),
});

const ICS =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:s-1@gzc.example\r\nSUMMARY:Zitting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

/** What nodemailer's stream transport (newline: unix) made of the same mail, as the transport did before. */
async function streamTransportMessage(m: OutgoingMail): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = (await transport.sendMail({
    messageId: m.messageId,
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    date: m.date,
    headers: { 'X-GZC-Notification': m.kind, 'X-GZC-Case-Link': m.link },
    ...(m.ics ? { icalEvent: { method: m.ics.method.toLowerCase(), filename: 'uitnodiging.ics', content: m.ics.content } } : {}),
  })) as unknown as { message: Buffer };
  return info.message.toString('latin1');
}

/** MIME boundaries are random per message. */
const withoutBoundaries = (message: string) =>
  message.replace(/--_NmP-[0-9a-f-]+-Part_\d+/g, '--BOUNDARY').replace(/boundary="[^"]+"/g, 'boundary="B"');

describe('EmlFileTransport', () => {
  let folder: string;
  beforeEach(() => (folder = join(mkdtempSync(join(tmpdir(), 'eml-transport-')), 'outbox')));
  afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

  it.each([
    ['a notice', undefined],
    ['an invitation with an .ics', { method: 'REQUEST', content: ICS }],
  ])('writes %s as nodemailer stream transport did, with LF line ends, readable by the server only', async (_label, ics) => {
    const m = mail(ics);
    await new EmlFileTransport(folder).send(m);

    expect(readdirSync(folder)).toEqual(['0b6f1c1e-5d1c-4f7a-9f6e-3f0c2a1d9e11_gzc.example.eml']);
    const file = join(folder, '0b6f1c1e-5d1c-4f7a-9f6e-3f0c2a1d9e11_gzc.example.eml');
    const written = readFileSync(file).toString('latin1');
    expect(written).not.toContain('\r');
    expect(withoutBoundaries(written)).toBe(withoutBoundaries(await streamTransportMessage(m)));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('replaces the file when the same message is written again (a repeat after a crash)', async () => {
    const transport = new EmlFileTransport(folder);
    await transport.send(mail());
    await transport.send(mail());
    expect(readdirSync(folder)).toHaveLength(1);
  });
});
