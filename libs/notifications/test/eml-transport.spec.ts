import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { EmlFileTransport, type OutgoingMail } from '../src/transports';
import { ICS, sampleMail } from './support/outgoing-mail';

// The .eml transport builds messages with nodemailer's MailComposer directly (cheaper than a
// stream transport per message); the files must hold what the stream transport wrote.

const mail = (ics?: OutgoingMail['ics']): OutgoingMail => sampleMail(ics ? { ics } : {});

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
    const transport = new EmlFileTransport(folder);
    await transport.send(m);
    transport.close();

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
    transport.close();
    expect(readdirSync(folder)).toHaveLength(1);
  });

  it('writes messages sent at the same time, and again after it was closed', async () => {
    const transport = new EmlFileTransport(folder);
    const many = Array.from({ length: 12 }, (_, i) => ({ ...mail(), messageId: `<m-${i}@gzc.example>` }));
    await Promise.all(many.map((m) => transport.send(m)));
    expect(readdirSync(folder).sort()).toEqual(many.map((_, i) => `m-${i}_gzc.example.eml`).sort());
    transport.close();
    // A closed transport starts a new thread when the sender uses it again (a restarted sender).
    await transport.send({ ...mail(), messageId: '<after@gzc.example>' });
    transport.close();
    expect(readdirSync(folder)).toContain('after_gzc.example.eml');
  });

  it('keeps a process alive while a message is being written, and lets it end afterwards', () => {
    const result = spawnSync(process.execPath, [join(__dirname, 'fixtures', 'write-eml.js'), folder], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('written\n');
    expect(result.status).toBe(0);
    expect(readdirSync(folder)).toEqual(['alone_gzc.example.eml']);
  });

  it('rejects a message it cannot write, and writes the next one', async () => {
    const transport = new EmlFileTransport(folder);
    rmSync(folder, { recursive: true });
    await expect(transport.send(mail())).rejects.toThrow(/ENOENT/);
    mkdirSync(folder, { mode: 0o700 });
    await transport.send(mail());
    transport.close();
    expect(readdirSync(folder)).toHaveLength(1);
  });
});
