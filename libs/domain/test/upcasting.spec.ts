import { currentSchemaVersion, EventUpcastError, toDisputeEvent, upcast } from '../src';

const v1Decision = {
  type: 'DecisionRendered',
  data: { outcome: 'claim_partially_granted', claimantCostSharePct: 40, summary: 'Partly', occurredAt: '2026-05-01T10:00:00.000Z' },
  metadata: { schemaVersion: 1 },
};

describe('upcasting stored events', () => {
  it('writes DecisionRendered in version 2 and every other type in version 1', () => {
    expect(currentSchemaVersion('DecisionRendered')).toBe(2);
    expect(currentSchemaVersion('DisputeFiled')).toBe(1);
    expect(currentSchemaVersion('CaseNumberAssigned')).toBe(1);
  });

  it('lifts a v1 DecisionRendered: the claimant share becomes the allocation of both shares', () => {
    expect(upcast(v1Decision).data).toEqual({
      outcome: 'claim_partially_granted',
      costAllocation: { claimantPct: 40, respondentPct: 60 },
      summary: 'Partly',
      occurredAt: '2026-05-01T10:00:00.000Z',
    });
    expect(toDisputeEvent(v1Decision)).toEqual({ type: 'DecisionRendered', data: upcast(v1Decision).data });
  });

  it('leaves events already in the current shape as they are', () => {
    const v2 = {
      ...v1Decision,
      data: { outcome: 'claim_rejected', costAllocation: { claimantPct: 100, respondentPct: 0 }, summary: 's', occurredAt: 'x' },
      metadata: { schemaVersion: 2 },
    };
    expect(upcast(v2).data).toBe(v2.data);
    const filed = { type: 'InformationProvided', data: { answers: 'a', occurredAt: 'x' }, metadata: { schemaVersion: 1 } };
    expect(upcast(filed).data).toBe(filed.data);
  });

  it('fails loudly on a version from the future, a missing version, or a v1 event it cannot lift', () => {
    expect(() => upcast({ ...v1Decision, metadata: { schemaVersion: 3 } })).toThrow(EventUpcastError);
    expect(() => upcast({ type: 'DisputeFiled', data: {}, metadata: { schemaVersion: 2 } })).toThrow(/knows versions up to 1/);
    expect(() => upcast({ ...v1Decision, metadata: {} as { schemaVersion: number } })).toThrow(EventUpcastError);
    expect(() => upcast({ ...v1Decision, metadata: { schemaVersion: 0 } })).toThrow(EventUpcastError);
    expect(() => upcast({ ...v1Decision, data: { ...v1Decision.data, claimantCostSharePct: '40' } })).toThrow(/claimantCostSharePct/);
  });
});

describe('an event stored without its time', () => {
  const stored = (data: Record<string, unknown>) => ({
    type: 'DocumentSubmitted',
    data: { documentId: 'doc-1', name: 'brief.pdf', visibility: 'parties', ...data },
    metadata: { schemaVersion: 1 },
    recordedAt: '2026-03-02T09:00:00.000Z',
  });

  it('takes the time the store recorded it, so no reader of the log stalls on it', () => {
    expect(toDisputeEvent(stored({})).data.occurredAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('keeps its own time when it has one', () => {
    expect(toDisputeEvent(stored({ occurredAt: '2026-03-01T08:00:00.000Z' })).data.occurredAt).toBe('2026-03-01T08:00:00.000Z');
  });
});
