import { nextStep, type NextStepCase } from './next-step';

const NOW = '2026-11-30T12:00:00Z';
const base = (status: string, patch: Partial<NextStepCase> = {}): NextStepCase => ({
  status,
  route: null,
  yourSide: 'claimant',
  claimants: [{ name: 'Fysiotherapie De Linde' }],
  respondents: [{ name: 'Zorgverzekeraar Noord' }],
  deadlines: [],
  pendingRouteProposal: null,
  pendingEscalation: null,
  outcome: null,
  ...patch,
});
const open = (kind: string, dueAt = '2026-12-14T22:59:59Z') => ({ kind, dueAt, status: 'open' });

describe('"Wat gebeurt er nu?" per status', () => {
  it('filed: the secretariat acts, no deadline, the respondent does not know yet', () => {
    const step = nextStep(base('filed'), NOW);
    expect(step.who).toBe('Het secretariaat');
    expect(step.youAct).toBe(false);
    expect(step.deadline).toBeNull();
    expect(step.ifNobody).toContain('De wederpartij ziet de zaak pas na de inschrijving');
  });

  it('awaiting_information: the claimant answers by the deadline, else inadmissible', () => {
    const step = nextStep(base('awaiting_information', { deadlines: [open('information')] }), NOW);
    expect(step.who).toBe('U');
    expect(step.youAct).toBe(true);
    expect(step.deadline?.text).toBe('uiterlijk 14 december 2026 om 23:59 (nog 14 dagen)');
    expect(step.ifNobody).toContain('niet-ontvankelijk');
  });

  it('awaiting_respondent: the insurer chooses; silence counts as a decline', () => {
    const forClaimant = nextStep(base('awaiting_respondent', { route: 'mediation', deadlines: [open('respondent_answer')] }), NOW);
    expect(forClaimant.who).toBe('Zorgverzekeraar Noord');
    expect(forClaimant.youAct).toBe(false);
    expect(forClaimant.what).toContain('meedoen met Mediation');
    expect(forClaimant.ifNobody).toContain('telt dat als niet meedoen');
    const forInsurer = nextStep(base('awaiting_respondent', { yourSide: 'respondent', deadlines: [open('respondent_answer')] }), NOW);
    expect(forInsurer.who).toBe('U');
    expect(forInsurer.youAct).toBe(true);
  });

  it('route_negotiation: the side that did not propose answers', () => {
    const step = nextStep(
      base('route_negotiation', {
        pendingRouteProposal: { route: 'binding_advice', side: 'respondent' },
        deadlines: [open('respondent_answer')],
      }),
      NOW,
    );
    expect(step.who).toBe('U');
    expect(step.youAct).toBe(true);
    expect(step.what).toContain('bindend advies voorgesteld');
  });

  it('awaiting_neutral: the secretariat nominates; during the challenge period a party may object', () => {
    expect(nextStep(base('awaiting_neutral', { route: 'mediation' }), NOW).what).toContain('onafhankelijke mediator');
    const challenge = nextStep(base('awaiting_neutral', { route: 'mediation', deadlines: [open('challenge')] }), NOW);
    expect(challenge.what).toContain('U kunt bezwaar maken');
    expect(challenge.deadline).not.toBeNull();
    // Not a party (the secretariat, a neutral): the parties may object, not the reader.
    const forSecretariat = nextStep(base('awaiting_neutral', { route: 'mediation', yourSide: null, deadlines: [open('challenge')] }), NOW);
    expect(forSecretariat.what).toContain('De partijen kunnen bezwaar maken');
    expect(forSecretariat.what).not.toContain('U kunt');
  });

  it('in_mediation and in_proceedings: the neutral leads; a missed defence lets the panel decide on the file', () => {
    expect(nextStep(base('in_mediation', { route: 'mediation' }), NOW).who).toBe('De mediator');
    const proceedings = nextStep(
      base('in_proceedings', { route: 'arbitration', yourSide: 'respondent', deadlines: [open('statement_of_defence')] }),
      NOW,
    );
    expect(proceedings.who).toBe('U');
    expect(proceedings.ifNobody).toContain('op basis van de stukken');
    expect(nextStep(base('in_proceedings', { route: 'arbitration' }), NOW).who).toBe('De arbiter');
  });

  it('mediation_ended: escalation or closure without resolution', () => {
    const open_ = nextStep(base('mediation_ended', { deadlines: [open('escalation')] }), NOW);
    expect(open_.ifNobody).toContain('gesloten zonder oplossing');
    const asked = nextStep(
      base('mediation_ended', { pendingEscalation: { route: 'arbitration', side: 'claimant' }, deadlines: [open('escalation')] }),
      NOW,
    );
    expect(asked.who).toBe('Zorgverzekeraar Noord');
    expect(asked.what).toContain('arbitrage');
  });

  it('terminal statuses: nothing happens any more', () => {
    for (const status of ['settled', 'decided', 'withdrawn', 'declined', 'inadmissible', 'closed_without_resolution']) {
      const step = nextStep(base(status), NOW);
      expect(step.who).toBe('Niemand');
      expect(step.what).toContain('Deze zaak is gesloten');
    }
  });
});
