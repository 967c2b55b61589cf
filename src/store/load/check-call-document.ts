import { ObjectId } from 'bson';
import type { CallDocument } from '../../analytics/call-document.ts';

/** The closed domains of DESIGN 2.1; anything else in these fields is a data error. */
const DOMAINS = {
  channel: ['web', 'phone'],
  direction: ['inbound', 'outbound', 'internal'],
  status: ['completed', 'no-answer', 'busy', 'failed', 'voicemail', 'canceled'],
} as const;

/** A checked document, or what is wrong with it. */
export type CallCheck = { readonly ok: true; readonly call: CallDocument } | { readonly ok: false; readonly problem: string };

/**
 * Checks the fields the engines and compilers cannot do without: an `_id`, a non-empty
 * `tenant_id` (every query is scoped by it), a valid `started_at` Date (every filter and
 * bucket uses it) and the closed `channel`/`direction`/`status` domains. Other fields are
 * taken as they are.
 *
 * An ObjectId `_id` becomes its 24-hex string: the embedded engine stores ids as strings so
 * they compare, sort and print the same everywhere. The document is changed in place and
 * returned as the call.
 */
export function checkCallDocument(value: unknown): CallCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'not a JSON object' };
  }
  const doc = value as Record<string, unknown>;

  if (doc._id instanceof ObjectId) doc._id = doc._id.toHexString();
  else if (typeof doc._id !== 'string' || doc._id === '') {
    return { ok: false, problem: '_id is missing or not a string or ObjectId' };
  }
  if (typeof doc.tenant_id !== 'string' || doc.tenant_id === '') {
    return { ok: false, problem: 'tenant_id is missing or not a non-empty string' };
  }
  if (!(doc.started_at instanceof Date) || Number.isNaN(doc.started_at.getTime())) {
    return { ok: false, problem: 'started_at is missing or not a date' };
  }
  for (const [field, allowed] of Object.entries(DOMAINS)) {
    const actual = doc[field];
    if ((allowed as readonly unknown[]).includes(actual)) continue;
    const expected = allowed.join(', ');
    return {
      ok: false,
      problem: actual === undefined
        ? `${field} is missing (expected one of ${expected})`
        : `${field} ${JSON.stringify(actual)} is not one of ${expected}`,
    };
  }
  return { ok: true, call: doc as unknown as CallDocument };
}
