/**
 * The data contract: what a call document, a vocabulary entry and an API key record look like,
 * who a principal is, and what a pipeline is. Analytics, store and auth all import these types from here, so the
 * store and auth need nothing from analytics (Biome's import rules keep it that way).
 */
export type { ApiKeyLookup, ApiKeyRecord } from './api-key-record.ts';
export { type CallDocument, DEFAULT_FUNNEL_STAGES, type StoredCallStatus } from './call-document.ts';
export type { Pipeline, ScopedPipeline, Stage } from './pipeline.ts';
export { API_KEYS_COLLECTION, CALLS_COLLECTION, type QueryCollection, VOCABULARIES_COLLECTION } from './collections.ts';
export { VOCABULARY_KINDS, type VocabularyEntry, type VocabularyKind } from './vocabulary-entry.ts';
export { isSuperAdmin, type Principal } from './principal.ts';
export { generateApiKey, hashApiKey } from './hash-api-key.ts';
