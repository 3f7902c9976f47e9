// Injection tokens for the ports the API depends on.
export const EVENT_STORE = Symbol('EVENT_STORE'); // EventStore (libs/event-store)
export const CLOCK = Symbol('CLOCK'); // Clock
export const DIRECTORY = Symbol('DIRECTORY'); // Directory (apps/api/src/directory)
export const POLICIES = Symbol('POLICIES'); // Policies (libs/domain)
export const APP_CONFIG = Symbol('APP_CONFIG'); // AppConfig (apps/api/src/config)
export const READ_MODELS = Symbol('READ_MODELS'); // ReadModels (libs/read-models)
