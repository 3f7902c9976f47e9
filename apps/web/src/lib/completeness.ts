import type { CaseView } from '../api/types';

// What the secretariat checks before registering a filed case (the completeness check of issue 12):
// each point says in plain Dutch what is fine or what is missing. The secretariat decides; a
// missing point suggests asking for information or declaring the case inadmissible instead.

export interface CompletenessPoint {
  id: string;
  ok: boolean;
  text: string;
}

const IN_JURISDICTION = new Set(['zvw', 'zvw_supplementary', 'wlz']);
const RESPONDENT_KINDS = new Set(['insurer', 'care_office']);

export function completenessCheck(c: CaseView): CompletenessPoint[] {
  const filedYear = new Date(c.filedAt).getUTCFullYear();
  const providers = c.claimants.filter((o) => o.kind === 'provider');
  const partyDocuments = c.documents.filter((d) => d.visibility === 'parties');
  return [
    {
      id: 'wet',
      ok: IN_JURISDICTION.has(c.legalFramework),
      text: IN_JURISDICTION.has(c.legalFramework)
        ? 'Het geschil valt onder de Zvw, de aanvullende verzekering of de Wlz.'
        : 'Het geschil valt niet onder de Zvw, de aanvullende verzekering of de Wlz.',
    },
    {
      id: 'partijen',
      ok: c.claimants.length > 0 && c.respondents.length > 0 && c.respondents.every((o) => RESPONDENT_KINDS.has(o.kind)),
      text:
        c.respondents.length > 0 && c.respondents.every((o) => RESPONDENT_KINDS.has(o.kind))
          ? 'De wederpartij is een zorgverzekeraar of zorgkantoor.'
          : 'De wederpartij is geen zorgverzekeraar of zorgkantoor.',
    },
    {
      id: 'klein',
      ok: providers.every((o) => o.smallProvider !== undefined),
      text: providers.every((o) => o.smallProvider !== undefined)
        ? 'Van elke zorgaanbieder is bekend of het een kleine zorgaanbieder is.'
        : 'Van een zorgaanbieder is niet bekend of het een kleine zorgaanbieder is. Vul dit aan in het register.',
    },
    {
      id: 'samenvatting',
      ok: c.summary.trim().length >= 20,
      text:
        c.summary.trim().length >= 20
          ? 'Er is een samenvatting van het geschil.'
          : 'De samenvatting is te kort om het geschil te begrijpen.',
    },
    {
      id: 'verzoek',
      ok: c.claims.length > 0 && c.claims.every((claim) => claim.description.trim() !== ''),
      text: c.claims.length > 0 ? 'Het is duidelijk wat de indiener vraagt.' : 'Er staat niet wat de indiener vraagt.',
    },
    {
      id: 'contractjaar',
      ok: c.contractYear >= filedYear - 5 && c.contractYear <= filedYear + 2,
      text:
        c.contractYear >= filedYear - 5 && c.contractYear <= filedYear + 2
          ? `Het contractjaar (${c.contractYear}) past bij de aanvraag.`
          : `Het contractjaar (${c.contractYear}) ligt ver van de datum van de aanvraag. Vraag na of dit klopt.`,
    },
    {
      id: 'stukken',
      ok: partyDocuments.length > 0,
      text:
        partyDocuments.length > 0
          ? `Er ${partyDocuments.length === 1 ? 'is 1 stuk' : `zijn ${partyDocuments.length} stukken`} bijgevoegd.`
          : 'Er zijn geen stukken bijgevoegd.',
    },
    ...(c.urgent
      ? [
          {
            id: 'spoed',
            ok: (c.urgencyReason ?? '').trim() !== '',
            text: (c.urgencyReason ?? '').trim() !== '' ? 'De reden voor spoed staat erbij.' : 'Er is spoed gevraagd zonder reden.',
          },
        ]
      : []),
  ];
}
