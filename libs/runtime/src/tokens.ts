// Injection tokens for the ports the processes depend on.
export const EVENT_STORE = Symbol('EVENT_STORE'); // EventStore (libs/event-store)
export const CLOCK = Symbol('CLOCK'); // Clock
export const DIRECTORY = Symbol('DIRECTORY'); // DirectoryView (libs/domain), served by DirectoryService (libs/directory)
export const POLICIES = Symbol('POLICIES'); // Policies (libs/domain)
export const APP_CONFIG = Symbol('APP_CONFIG'); // AppConfig (libs/runtime/src/config)
export const READ_MODELS = Symbol('READ_MODELS'); // ReadModels (libs/read-models)
