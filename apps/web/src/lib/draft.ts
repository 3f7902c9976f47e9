// The filing draft, kept in localStorage so it survives closing the browser (PORTAL.md rule 2).
// One draft per user on this computer; the keuzehulp writes its answers into it as a prefill.

export interface ClaimDraft {
  description: string;
  amount: string;
}

export interface DocumentDraft {
  /** Files cannot be stored; the draft remembers the name and the chosen visibility. */
  name: string;
  visibility: string;
}

export interface FilingDraft {
  claimantOrganisationIds: string[];
  phase: string;
  legalFramework: string;
  sector: string;
  subjects: string[];
  contractYear: string;
  respondentKind: string;
  respondentOrganisationIds: string[];
  summary: string;
  claims: ClaimDraft[];
  amountInDispute: string;
  proposedRoute: string;
  urgent: string;
  urgencyReason: string;
  documents: DocumentDraft[];
}

export const emptyDraft = (): FilingDraft => ({
  claimantOrganisationIds: [],
  phase: '',
  legalFramework: '',
  sector: '',
  subjects: [],
  contractYear: '',
  respondentKind: '',
  respondentOrganisationIds: [],
  summary: '',
  claims: [{ description: '', amount: '' }],
  amountInDispute: '',
  proposedRoute: 'mediation',
  urgent: '',
  urgencyReason: '',
  documents: [],
});

const key = (userId: string | null) => `gzc.aanvraag.${userId ?? 'anoniem'}`;
const PREFILL_KEY = 'gzc.aanvraag.keuzehulp';

export function loadDraft(userId: string): FilingDraft {
  const base = emptyDraft();
  try {
    const stored = localStorage.getItem(key(userId));
    const prefill = localStorage.getItem(PREFILL_KEY);
    const draft: FilingDraft = stored ? { ...base, ...(JSON.parse(stored) as Partial<FilingDraft>) } : base;
    if (prefill) {
      // The keuzehulp's answers fill what the person has not filled in yet.
      const answers = JSON.parse(prefill) as Partial<FilingDraft>;
      for (const [field, value] of Object.entries(answers) as [keyof FilingDraft, never][]) {
        const current = draft[field];
        if (current === '' || (Array.isArray(current) && current.length === 0)) draft[field] = value;
      }
      localStorage.removeItem(PREFILL_KEY);
      saveDraft(userId, draft);
    }
    return draft;
  } catch {
    return base;
  }
}

export function saveDraft(userId: string, draft: FilingDraft): void {
  try {
    localStorage.setItem(key(userId), JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the filing still works, only the draft is not kept.
  }
}

export function clearDraft(userId: string): void {
  localStorage.removeItem(key(userId));
}

export function savePrefill(answers: Partial<FilingDraft>): void {
  localStorage.setItem(PREFILL_KEY, JSON.stringify(answers));
}
