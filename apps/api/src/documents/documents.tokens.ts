export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE'); // DocumentStorage (documents/storage)
