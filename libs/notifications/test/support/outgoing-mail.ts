import type { OutgoingMail } from '../../src/transports';

/** An invitation's calendar part, as the notifier writes it (CRLF line ends). */
export const ICS =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:s-1@gzc.example\r\nSUMMARY:Zitting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

/** A message with non-ASCII text in the subject, the recipient's name and both bodies (long enough to be folded). */
export const sampleMail = (over: Partial<OutgoingMail> = {}): OutgoingMail => ({
  messageId: '<0b6f1c1e-5d1c-4f7a-9f6e-3f0c2a1d9e11@gzc.example>',
  kind: 'session_scheduled',
  link: 'https://gzc.example/zaken/d-1',
  from: 'Geschilleninstantie Zorgcontractering <noreply@gzc.example>',
  to: { name: 'Anna de Vries-Özdemir', address: 'anna@zorgaanbieder.example' },
  subject: 'Zitting gepland in zaak GZC-2026-0001 — één afspraak',
  text: 'Beste Anna,\n\nEr is een zitting gepland op 12 januari.\r\nMet vriendelijke groet\n'.repeat(30),
  html: '<p>Beste Anna,</p><p>Er is een zitting gepland op 12 januari — één afspraak.</p>'.repeat(30),
  date: new Date('2026-12-01T09:30:00.000Z'),
  ...over,
});
