import type { CaseView } from '../api/types';
import { byUrgency, neutralTask } from './neutral-task';

// What a case needs from its mediator, adviser or arbitrator, and the order of "Mijn zaken".

const NOW = '2027-01-10T12:00:00.000Z';

const base = (over: Partial<CaseView> = {}): CaseView =>
  ({
    id: 'd1',
    access: 'full',
    caseNumber: 'GZC-2027-0001',
    status: 'in_mediation',
    closedAt: null,
    neutrals: [{ userId: 'med-femke', name: 'Femke Bakker', role: 'mediator', status: 'appointed', chair: false }],
    challenges: [],
    deadlines: [],
    sessions: [],
    hearings: [],
    statements: [],
    allowedActions: [],
    ...over,
  }) as CaseView;

const panel = [
  { userId: 'adv-hanna', name: 'Hanna Mulder', role: 'adviser', status: 'appointed', chair: true },
  { userId: 'adv-isaac', name: 'Isaac de Vries', role: 'adviser', status: 'appointed', chair: false },
];

describe('neutralTask', () => {
  it('asks the mediator to plan the first session, then to hold it (with its Amsterdam time), then to record it', () => {
    expect(neutralTask(base(), 'med-femke', NOW)).toMatchObject({ rank: 2, what: 'Plan het eerste gesprek met de partijen.' });
    const planned = base({ sessions: [{ sessionId: 's1', startsAt: '2027-01-14T09:00:00.000Z', held: false }] });
    expect(neutralTask(planned, 'med-femke', NOW)).toMatchObject({
      rank: 1,
      dueAt: '2027-01-14T09:00:00.000Z',
      when: '14 jan 2027 10:00 (nog 4 dagen)',
    });
    expect(neutralTask(planned, 'med-femke', '2027-01-14T09:30:00.000Z')).toMatchObject({
      rank: 0,
      what: 'Leg het gesprek vast dat is geweest.',
    });
    const held = base({ sessions: [{ sessionId: 's1', startsAt: '2027-01-14T09:00:00.000Z', held: true }] });
    expect(neutralTask(held, 'med-femke', NOW).what).toBe('Plan een volgend gesprek, of rond de mediation af.');
  });

  it('tells the chair to decide when the case is ready, and a member that the chair decides', () => {
    const ready = base({
      status: 'in_proceedings',
      neutrals: panel,
      statements: [{ kind: 'statement_of_claim', side: 'claimant', submittedAt: NOW }],
      hearings: [{ hearingId: 'h1', startsAt: '2027-01-05T09:00:00.000Z', held: true }],
    });
    expect(neutralTask({ ...ready, allowedActions: ['render-decision'] }, 'adv-hanna', NOW)).toMatchObject({ rank: 2 });
    expect(neutralTask({ ...ready, allowedActions: ['render-decision'] }, 'adv-hanna', NOW).what).toMatch(/Neem de beslissing/);
    expect(neutralTask(ready, 'adv-isaac', NOW)).toMatchObject({ rank: 3, what: 'De voorzitter van het college neemt de beslissing.' });
  });

  it('gives the defence deadline in Amsterdam time while the panel waits for it', () => {
    const waiting = base({
      status: 'in_proceedings',
      neutrals: panel,
      deadlines: [{ deadlineId: 'x', kind: 'statement_of_defence', dueAt: '2027-02-07T22:59:59.000Z', status: 'open', openedAt: NOW }],
      allowedActions: ['schedule-hearing'],
    });
    expect(neutralTask(waiting, 'adv-hanna', NOW)).toMatchObject({
      rank: 1,
      dueAt: '2027-02-07T22:59:59.000Z',
      when: 'uiterlijk 7 februari 2027 om 23:59 (nog 28 dagen)',
    });
  });

  it('says a nominee checks for conflicts, and a closed case or an ended term needs nothing', () => {
    expect(neutralTask(base({ access: 'conflict_check' }), 'med-femke', NOW).what).toMatch(/voorgedragen/);
    expect(neutralTask(base({ access: 'term_record' }), 'med-femke', NOW).rank).toBe(4);
    expect(neutralTask(base({ status: 'settled', closedAt: NOW }), 'med-femke', NOW).rank).toBe(4);
  });

  it('sorts overdue first, then by date, undated after dated, finished last', () => {
    const row = (caseNumber: string, rank: 0 | 1 | 2 | 3 | 4, dueAt: string | null) => ({
      caseNumber,
      task: { rank, dueAt, what: '', when: null },
    });
    const rows = [
      row('A', 4, null),
      row('B', 2, null),
      row('C', 1, '2027-03-01T00:00:00Z'),
      row('D', 1, '2027-02-01T00:00:00Z'),
      row('E', 0, null),
    ];
    expect(rows.sort(byUrgency).map((r) => r.caseNumber)).toEqual(['E', 'D', 'C', 'B', 'A']);
  });
});
