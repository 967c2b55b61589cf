/** Collection names of the data contract (DESIGN 2). */
export const CALLS_COLLECTION = 'calls';
export const VOCABULARIES_COLLECTION = 'call_vocabularies';
export const API_KEYS_COLLECTION = 'api_keys';

/**
 * The collections a scoped pipeline can run over (API keys are looked up, never aggregated).
 * Both engines hold both; a pipeline names its collection beside it (`AggregateOptions`).
 */
export type QueryCollection = typeof CALLS_COLLECTION | typeof VOCABULARIES_COLLECTION;
