import { assignCaseNumber, CASE_NUMBER_PATTERN, caseNumberYear, evolveCaseNumbers, initialCaseNumberState } from '../src';

describe('case-number registry', () => {
  it('assigns gap-free sequences per year', () => {
    let s = initialCaseNumberState(2025);
    const first = assignCaseNumber(s, 'd1', '2025-03-01T10:00:00Z');
    expect(first.data).toEqual({
      year: 2025,
      sequence: 1,
      caseNumber: 'GZC-2025-0001',
      disputeId: 'd1',
      occurredAt: '2025-03-01T10:00:00Z',
    });
    s = evolveCaseNumbers(s, first);
    const second = assignCaseNumber(s, 'd2', '2025-03-02T10:00:00Z');
    expect(second.data.caseNumber).toBe('GZC-2025-0002');
    expect(CASE_NUMBER_PATTERN.test(second.data.caseNumber)).toBe(true);
  });
  it('a new year starts at 1', () => {
    const s = evolveCaseNumbers(initialCaseNumberState(2025), assignCaseNumber(initialCaseNumberState(2025), 'd1', '2025-12-31T10:00:00Z'));
    expect(assignCaseNumber(s, 'd2', '2026-01-01T10:00:00Z').data).toMatchObject({ year: 2026, sequence: 1, caseNumber: 'GZC-2026-0001' });
  });
  it('the year is the Dutch calendar year, not UTC', () => {
    expect(caseNumberYear('2025-12-31T22:59:59Z')).toBe(2025); // 23:59:59 in Amsterdam
    expect(caseNumberYear('2025-12-31T23:30:00Z')).toBe(2026); // 00:30 on New Year's Day in Amsterdam
    expect(assignCaseNumber(initialCaseNumberState(2025), 'd1', '2025-12-31T23:30:00Z').data.caseNumber).toBe('GZC-2026-0001');
  });
  it('a number past 9999 grows a digit rather than wrapping', () => {
    const s = { year: 2025, lastSequence: 9999 };
    const next = assignCaseNumber(s, 'd', '2025-06-01T10:00:00Z').data.caseNumber;
    expect(next).toBe('GZC-2025-10000');
    expect(CASE_NUMBER_PATTERN.test(next)).toBe(true);
  });
});
