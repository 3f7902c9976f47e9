// Dutch formatting of amounts and moments. Every moment is shown in Amsterdam time, whatever the
// browser's own time zone (the procedure's deadlines end at 23:59:59 there).

export const AMSTERDAM = 'Europe/Amsterdam';

// Made at first use, not when the module loads: the portal's entry imports this module, and a
// first visit asks for its answers before anything needs a formatter (start/first-visit.ts).
let euroFormats: { euros: Intl.NumberFormat; wholeEuros: Intl.NumberFormat } | undefined;
const euroFormat = () =>
  (euroFormats ??= {
    euros: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
    wholeEuros: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }),
  });

/** 12345 → "€ 123,45"; whole euros drop the cents when `whole` is set ("€ 250"). */
export function formatEuros(cents: number, options: { whole?: boolean } = {}): string {
  const amount = cents / 100;
  // Intl puts a no-break space after the euro sign; a plain space reads and copies the same.
  const { euros, wholeEuros } = euroFormat();
  const text = options.whole && Number.isInteger(amount) ? wholeEuros.format(amount) : euros.format(amount);
  return text.replace(/\u00a0/g, ' ');
}

/**
 * What a person types as an amount in euros → cents. Accepts "1250", "1.250", "1.250,50",
 * "1250,5", "€ 1 250" and "1250.50" (a point followed by exactly two digits at the end is decimal).
 * Returns null for anything that is not a non-negative amount with at most two decimals.
 */
export function parseEuros(input: string): number | null {
  let text = input
    .trim()
    .replace(/^€\s*/, '')
    .replace(/[\s\u00a0]/g, '');
  if (text === '') return null;
  if (/^\d+\.\d{2}$/.test(text)) text = text.replace('.', ',');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(text)) return null;
  const [whole, fraction = ''] = text.replace(/\./g, '').split(',');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

// Making an Intl.DateTimeFormat costs far more than using one (a work queue of a thousand dated
// rows spent 0.2 s making them): one per set of options, made once.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat('nl-NL', { timeZone: AMSTERDAM, ...options })));
  return format;
};

const parts = (iso: string, options: Intl.DateTimeFormatOptions): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const p of dateFormat(options).formatToParts(new Date(iso))) out[p.type] = p.value;
  return out;
};

/** "12 december 2026" (Amsterdam). */
export function formatDate(iso: string): string {
  const p = parts(iso, { day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.day} ${p.month} ${p.year}`;
}

/** "12 dec 2026 10:14" (Amsterdam), the timeline's short form. */
export function formatDateTime(iso: string): string {
  const p = parts(iso, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.day} ${p.month.replace(/\.$/, '')} ${p.year} ${p.hour}:${p.minute}`;
}

/** The calendar date in Amsterdam, "YYYY-MM-DD". */
export function amsterdamDate(iso: string): string {
  const p = parts(iso, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
}

/** Whole calendar days (Amsterdam) from `now` to `dueAt`: 0 today, negative when past. */
export function daysLeft(dueAt: string, now: string): number {
  const a = Date.parse(`${amsterdamDate(now)}T00:00:00Z`);
  const b = Date.parse(`${amsterdamDate(dueAt)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** "nog 12 dagen", "nog 1 dag", "vandaag", "2 dagen geleden verlopen". */
export function describeDaysLeft(days: number): string {
  if (days === 0) return 'vandaag is de laatste dag';
  if (days === 1) return 'nog 1 dag';
  if (days > 1) return `nog ${days} dagen`;
  return days === -1 ? '1 dag geleden verlopen' : `${-days} dagen geleden verlopen`;
}

/** "12 december 2026 om 23:59" for a deadline's end. */
export function formatDeadline(iso: string): string {
  const p = parts(iso, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${formatDate(iso)} om ${p.hour}:${p.minute}`;
}

/** 1536 → "1,5 kB"; documents show their size in plain units. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} kB`;
  return `${(kb / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

/**
 * The moment a person means by "the case as it was on <date>": the end of that day in Amsterdam
 * (23:59:59 there, with the right summer or winter offset), or now when the date is today.
 */
export function asOfInstant(date: string, now: string): string {
  if (date >= amsterdamDate(now)) return now;
  for (const offset of ['+01:00', '+02:00']) {
    const candidate = new Date(`${date}T23:59:59${offset}`).toISOString();
    const p = parts(candidate, { hour: '2-digit', hourCycle: 'h23' });
    if (amsterdamDate(candidate) === date && p.hour === '23') return candidate;
  }
  return new Date(`${date}T23:59:59+01:00`).toISOString();
}
