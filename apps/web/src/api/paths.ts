// API paths asked for both by their queries and at start-up (start/first-visit.ts): one spelling,
// so an early answer is found under the path its query asks for.

export const CONFIG_PATH = '/api/portal/config';
export const ME_PATH = '/api/me';
export const ORGANISATIONS_PATH = '/api/organisations';
