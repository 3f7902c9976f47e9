export * from './case-facts';
export * from './cells';
export * from './compute-statistics';
export * from './percentile';
export * from './periods';
export * from './statistics-csv';
export * from './statistics-read-models';
export { suppress } from './suppression';
