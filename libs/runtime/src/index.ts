// What every process shares: its configuration, the stores it opens and the clock.
export * from './clock';
export * from './config/app-config';
export * from './open-stores';
export * from './tokens';
export * from './logging';
