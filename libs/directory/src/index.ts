// The directory of organisations and users, kept as events; shared by the API and seed:history.
export * from './directory-records';
export * from './directory-rules';
export * from './directory-seed';
export * from './directory.service';
