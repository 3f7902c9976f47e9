import type { CaseView } from '../api/types';
import { completenessCheck } from './completeness';

const filed = (patch: Partial<CaseView> = {}): CaseView =>
  ({
    legalFramework: 'zvw',
    claimants: [{ id: 'org-a', name: 'Fysio A', kind: 'provider', smallProvider: true }],
    respondents: [{ id: 'org-z', name: 'Zorgverzekeraar Z', kind: 'insurer' }],
    summary: 'Het tarief voor 2026 is te laag voor onze praktijk.',
    claims: [{ description: 'Een hoger tarief' }],
    contractYear: 2026,
    documents: [
      {
        documentId: 'd1',
        name: 'offerte.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 10,
        sha256: 'x',
        visibility: 'parties',
        submittedAt: '',
      },
    ],
    urgent: false,
    urgencyReason: null,
    filedAt: '2026-11-30T10:00:00Z',
    ...patch,
  }) as CaseView;

const failing = (c: CaseView) =>
  completenessCheck(c)
    .filter((p) => !p.ok)
    .map((p) => p.id);

describe('the completeness check before registering', () => {
  it('a complete filing passes every point', () => {
    expect(failing(filed())).toEqual([]);
    expect(completenessCheck(filed()).find((p) => p.id === 'stukken')?.text).toBe('Er is 1 stuk bijgevoegd.');
  });

  it('names each missing point', () => {
    expect(failing(filed({ documents: [] }))).toEqual(['stukken']);
    expect(failing(filed({ summary: 'Te laag.' }))).toEqual(['samenvatting']);
    expect(failing(filed({ claims: [] }))).toEqual(['verzoek']);
    expect(failing(filed({ contractYear: 2015 }))).toEqual(['contractjaar']);
    expect(failing(filed({ urgent: true, urgencyReason: ' ' }))).toEqual(['spoed']);
    expect(failing(filed({ urgent: true, urgencyReason: 'Cliëntenstop per 1 januari' }))).toEqual([]);
    expect(failing(filed({ claimants: [{ id: 'org-a', name: 'Fysio A', kind: 'provider' }] }))).toEqual(['klein']);
    expect(failing(filed({ respondents: [{ id: 'org-b', name: 'Fysio B', kind: 'provider' }] }))).toEqual(['partijen']);
    expect(failing(filed({ legalFramework: 'wmo' }))).toEqual(['wet']);
  });

  it('a document only the secretariat sees does not count as part of the filing', () => {
    const [doc] = filed().documents;
    expect(failing(filed({ documents: [{ ...doc!, visibility: 'secretariat' }] }))).toEqual(['stukken']);
  });
});
