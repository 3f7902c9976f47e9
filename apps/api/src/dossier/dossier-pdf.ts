// The dossier's PDF, in Dutch: case summary, parties, neutrals, timeline, decisions, costs and the
// list of documents with their SHA-256. pdfkit writes a tagged PDF (structure tree, headings and
// paragraphs) with the document language and title set, so screen readers can follow it.
import PDFDocument from 'pdfkit';
import type { DirectoryView } from '../../../../libs/domain/src';
import { MEDIATION_RESULT_NL, OUTCOME_NL } from '../../../../libs/notifications/src/wording';
import type { DossierContents } from './dossier-contents';
import { EVENT_NL, FEE_KIND_NL, formatEuros, formatMoment, ROLE_NL, ROUTE_NL, STATUS_NL, TERM_STATUS_NL } from './dossier-labels.nl';

type Section = { heading: string; paragraphs: string[] };

function sections(contents: DossierContents, directory: DirectoryView): Section[] {
  const { state } = contents;
  const org = (id: string): string => directory.organisation(id)?.name ?? id;
  const person = (id: string): string => directory.user(id)?.name ?? id;
  const decisions = contents.lines.filter(
    (l) => l.type === 'DecisionRendered' || l.type === 'MediationConcluded' || l.type === 'SettledByParties',
  );
  return [
    {
      heading: 'Samenvatting van de zaak',
      paragraphs: [
        `Zaaknummer: ${state.caseNumber ?? 'nog niet ingeschreven'}`,
        `Status: ${STATUS_NL[state.status] ?? state.status}`,
        `Route: ${state.route ? ROUTE_NL[state.route] : state.initialRoute ? `${ROUTE_NL[state.initialRoute]} (voorgesteld)` : 'onbekend'}`,
        `Ingediend: ${formatMoment(state.filedAt)}`,
        `Bedrag in geschil: ${formatEuros(state.amountInDisputeCents)}`,
        `Samenvatting: ${state.summary ?? ''}`,
        ...state.claims.map(
          (c, i) => `Eis ${i + 1}: ${c.description}${c.amountCents !== undefined ? ` (${formatEuros(c.amountCents)})` : ''}`,
        ),
      ],
    },
    {
      heading: 'Partijen',
      paragraphs: [
        ...state.claimantOrganisationIds.map((id) => `Indiener: ${org(id)}`),
        ...state.respondentOrganisationIds.map((id) => `Wederpartij: ${org(id)}`),
      ],
    },
    {
      heading: 'Neutralen',
      paragraphs: state.neutrals.length
        ? state.neutrals.map(
            (n) =>
              `${ROLE_NL[n.role] ?? n.role}: ${person(n.userId)}${n.chair ? ' (voorzitter)' : ''}, ${TERM_STATUS_NL[n.status] ?? n.status}`,
          )
        : ['Geen.'],
    },
    {
      heading: 'Verloop van de zaak',
      paragraphs: contents.lines.map(
        (l) => `${formatMoment(l.recordedAt)}: ${EVENT_NL[l.type] ?? l.type}${l.redacted ? ' (deels niet getoond)' : ''}`,
      ),
    },
    {
      heading: 'Beslissingen',
      paragraphs: decisions.length
        ? decisions.map((l) => {
            const d = l.data as {
              outcome?: string;
              summary?: string;
              result?: string;
              costAllocation?: { claimantPct: number; respondentPct: number };
            };
            if (l.type === 'MediationConcluded')
              return `${formatMoment(l.recordedAt)}: mediation afgerond. ${MEDIATION_RESULT_NL[d.result ?? ''] ?? ''}`;
            if (l.type !== 'DecisionRendered') return `${formatMoment(l.recordedAt)}: ${EVENT_NL[l.type] ?? l.type}`;
            const costs = d.costAllocation
              ? ` Kosten: indiener ${d.costAllocation.claimantPct}%, wederpartij ${d.costAllocation.respondentPct}%.`
              : '';
            return `${formatMoment(l.recordedAt)}: ${OUTCOME_NL[d.outcome ?? ''] ?? d.outcome} ${d.summary ?? ''}${costs}`;
          })
        : ['Nog geen beslissing.'],
    },
    {
      heading: 'Kosten',
      paragraphs: state.invoices.length
        ? state.invoices.map(
            (i) =>
              `${FEE_KIND_NL[i.kind] ?? i.kind} voor ${org(i.organisationId)}: ${formatEuros(i.amountCents)}, ${i.paid ? 'betaald' : 'nog niet betaald'}`,
          )
        : ['Geen facturen.'],
    },
    {
      heading: 'Documenten',
      paragraphs: contents.documents.length
        ? contents.documents.map((d) => `${d.document.name} (${d.document.sizeBytes} bytes), SHA-256: ${d.document.sha256}`)
        : ['Geen documenten.'],
    },
    {
      heading: 'Controleren',
      paragraphs: [
        `Dit dossier bevat wat u mag zien. ${contents.withheldEvents.length} gebeurtenis(sen) en ${contents.withheldDocuments.length} document(en) zijn niet voor u; het manifest noemt alleen hun plaats en vingerafdruk.`,
        `Laatste schakel van de keten: gebeurtenis ${contents.chainHead.revision}, ${contents.chainHead.hash}.`,
        'Controleer dit dossier op de pagina /controleren van het portaal of met het commando gzc-verify.',
      ],
    },
  ];
}

export function renderDossierPdf(contents: DossierContents, directory: DirectoryView, generatedAt: string): Promise<Buffer> {
  const title = `Dossier ${contents.state.caseNumber ?? contents.disputeId}`;
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    size: 'A4',
    info: { Title: title, Author: 'Onafhankelijke Geschilleninstantie Zorgcontractering', CreationDate: new Date(generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  root.add(doc.struct('H1', {}, () => void doc.font('Helvetica-Bold').fontSize(18).text(title)));
  root.add(
    doc.struct(
      'P',
      {},
      () =>
        void doc
          .font('Helvetica')
          .fontSize(10)
          .text(`Gemaakt op ${formatMoment(generatedAt)}.`),
    ),
  );
  for (const section of sections(contents, directory)) {
    const part = doc.struct('Sect');
    root.add(part);
    part.add(doc.struct('H2', {}, () => void doc.moveDown().font('Helvetica-Bold').fontSize(13).text(section.heading)));
    for (const text of section.paragraphs) part.add(doc.struct('P', {}, () => void doc.font('Helvetica').fontSize(10).text(text)));
    part.end();
  }
  root.end();
  doc.end();
  return done;
}
