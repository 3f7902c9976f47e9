import type { RosterEntry } from '../api/secretariat-types';

/** What the secretariat weighs per neutral: the load now and any earlier case with these parties. */
export function rosterHint(n: RosterEntry): string {
  const load = n.openCases === 1 ? '1 lopende zaak' : `${n.openCases} lopende zaken`;
  if (n.earlierInvolvement.length === 0) return `${load}. Niet eerder betrokken bij deze partijen.`;
  const cases = n.earlierInvolvement
    .map(
      (i) =>
        `${i.caseNumber ?? 'een aanvraag'} (${i.sharedOrganisations.map((o) => o.name).join(', ')}${i.caseClosed ? ', afgesloten' : ''})`,
    )
    .join('; ');
  return `${load}. Let op: eerder betrokken bij ${cases}.`;
}
