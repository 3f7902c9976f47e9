export * from './amsterdam-time';
export * from './dutch-format';
