import type { RosterEntry } from '../api/secretariat-types';
import { rosterHint } from './roster-hint';

const neutral = (patch: Partial<RosterEntry> = {}): RosterEntry => ({
  userId: 'med-femke',
  name: 'Femke Bakker',
  role: 'mediator',
  fitsRoute: true,
  openCases: 0,
  appointedCases: 0,
  nominatedCases: 0,
  onThisCase: null,
  earlierInvolvement: [],
  ...patch,
});

describe('the roster line per neutral', () => {
  it('says the caseload and that there was no earlier involvement', () => {
    expect(rosterHint(neutral())).toBe('0 lopende zaken. Niet eerder betrokken bij deze partijen.');
    expect(rosterHint(neutral({ openCases: 1 }))).toBe('1 lopende zaak. Niet eerder betrokken bij deze partijen.');
  });

  it('warns with each earlier case and the parties it shares', () => {
    const hint = rosterHint(
      neutral({
        openCases: 3,
        earlierInvolvement: [
          {
            disputeId: 'd1',
            caseNumber: 'GZC-2025-0007',
            role: 'mediator',
            termStatus: 'ended',
            sharedOrganisations: [{ id: 'org-zv-noord', name: 'Zorgverzekeraar Noord' }],
            caseClosed: true,
          },
          {
            disputeId: 'd2',
            caseNumber: 'GZC-2026-0002',
            role: 'mediator',
            termStatus: 'appointed',
            sharedOrganisations: [
              { id: 'org-a', name: 'Fysio A' },
              { id: 'org-zv-noord', name: 'Zorgverzekeraar Noord' },
            ],
            caseClosed: false,
          },
        ],
      }),
    );
    expect(hint).toBe(
      '3 lopende zaken. Let op: eerder betrokken bij GZC-2025-0007 (Zorgverzekeraar Noord, afgesloten); GZC-2026-0002 (Fysio A, Zorgverzekeraar Noord).',
    );
  });
});
