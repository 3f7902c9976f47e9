/** Current shape of every event's data; upcasters (a later issue) lift older ones. */
export const EVENT_SCHEMA_VERSION = 1;
