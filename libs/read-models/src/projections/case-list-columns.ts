/** The case_list table's columns, in the order the cases projection writes them; search_text is write-only (the list filters on it, never returns it). */
export const CASE_LIST_COLUMNS = [
  'dispute_id',
  'case_number',
  'status',
  'phase',
  'legal_framework',
  'sector',
  'subjects',
  'route',
  'claimant_organisation_ids',
  'respondent_organisation_ids',
  'summary',
  'urgent',
  'filed_at',
  'updated_at',
  'version',
  'search_text',
] as const;
