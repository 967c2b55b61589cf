import { ReadPreference, type ReadPreferenceMode, type TagSet } from 'mongodb';

/**
 * Builds the read preference for analytics aggregations from its mode name
 * (`primary`, `primaryPreferred`, `secondary`, `secondaryPreferred`, `nearest`) and optional tag
 * sets. Dedicated analytics nodes (e.g. Atlas) are reached with
 * `secondary` + `[{ nodeType: 'ANALYTICS' }]`. Returns undefined when no mode is given, so the
 * URI's own `readPreference` applies. Throws on an unknown mode: that is a configuration error
 * worth failing at startup for.
 */
export function parseReadPreference(mode: string | undefined, tags?: readonly TagSet[]): ReadPreference | undefined {
  if (mode === undefined || mode === '') {
    if (tags?.length) throw new Error('readPreferenceTags need a readPreference mode (e.g. secondary).');
    return undefined;
  }
  if (!ReadPreference.isValid(mode)) {
    throw new Error(`Unknown read preference "${mode}"; use primary, primaryPreferred, secondary, secondaryPreferred or nearest.`);
  }
  return new ReadPreference(mode as ReadPreferenceMode, tags?.length ? [...tags] : undefined);
}
