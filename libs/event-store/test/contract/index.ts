// Test-only entry point: import from spec files only (it uses jest globals).
export { describeEventStoreContract } from './event-store.contract';
