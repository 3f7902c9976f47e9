import type { Organisation, User } from './types';

// The secretariat's reads (see the API's OpenAPI at /docs): the roster for a nomination and the
// directory with versions for If-Match.

export interface RosterInvolvement {
  disputeId: string;
  caseNumber: string | null;
  role: string;
  termStatus: string;
  sharedOrganisations: { id: string; name: string }[];
  caseClosed: boolean;
}

export interface RosterEntry {
  userId: string;
  name: string;
  role: string;
  fitsRoute: boolean;
  openCases: number;
  appointedCases: number;
  nominatedCases: number;
  onThisCase: string | null;
  earlierInvolvement: RosterInvolvement[];
}

export interface Roster {
  disputeId: string | null;
  caseNumber: string | null;
  route: string | null;
  roleNeeded: string | null;
  panelSizes: number[];
  neutrals: RosterEntry[];
}

export interface DirectoryOrganisation extends Organisation {
  version: number;
}

export interface DirectoryUser extends User {
  email?: string;
  version: number;
}
