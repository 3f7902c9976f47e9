export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER'); // ProjectionRunner (libs/read-models)
export const READ_MODEL_HANDLE = Symbol('READ_MODEL_HANDLE'); // the opened read-model database
