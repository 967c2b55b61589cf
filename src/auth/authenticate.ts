import type { ApiKeyLookup, ApiKeyRecord } from '../contract/api-key-record.ts';
import type { Principal } from '../contract/principal.ts';
import { hashApiKey } from '../contract/hash-api-key.ts';

/** Why a request has no principal; each becomes HTTP 401 `UNAUTHENTICATED`. */
export type AuthFailure = 'missing' | 'malformed' | 'unknown' | 'revoked';

export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  constructor(readonly reason: AuthFailure) {
    super(
      {
        missing: 'An API key is required: send "Authorization: Bearer <key>".',
        malformed: 'The Authorization header must be "Bearer <key>".',
        unknown: 'The API key is not valid.',
        revoked: 'The API key has been revoked.',
      }[reason],
    );
  }
}

/**
 * The key record with this hash, or null. A request carries one key, so this is one lookup
 * (no batching loader: it would only add a tick and a cache to every request).
 */
export function keyLookup(store: ApiKeyLookup): (keyHash: string) => Promise<ApiKeyRecord | null> {
  return async (keyHash) => (await store.findApiKeys([keyHash])).find((record) => record.key_hash === keyHash) ?? null;
}

/** Resolves `Authorization: Bearer <key>` to a principal, or throws `AuthenticationError`. */
export async function authenticate(
  authorization: string | null,
  findKey: (keyHash: string) => Promise<ApiKeyRecord | null>,
  now: Date = new Date(),
): Promise<Principal> {
  if (!authorization) throw new AuthenticationError('missing');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new AuthenticationError('malformed');
  const record = await findKey(hashApiKey(match[1]));
  if (!record) throw new AuthenticationError('unknown');
  if (isRevoked(record, now)) throw new AuthenticationError('revoked');
  return {
    tenantId: record.tenant_id,
    // An empty user id would bind the key to nobody's calls; the key files refuse it, and a
    // stored one is treated as what it means, no binding.
    userId: record.user_id || null,
    ...(record.user_id && record.all_users === true ? { allUsers: true } : {}),
    userEmail: record.user_email,
    role: record.role,
  };
}

/**
 * A key is revoked from `revoked_at` on (DESIGN 2.2): a date at or before now. A future date
 * schedules the revocation. Anything else truthy that is not a date (a hand-edited document
 * with `revoked_at: true` or a string) counts as revoked: when in doubt, refuse.
 */
export function isRevoked(record: Pick<ApiKeyRecord, 'revoked_at'>, now: Date): boolean {
  const revokedAt: unknown = record.revoked_at;
  if (revokedAt === undefined || revokedAt === null) return false;
  if (revokedAt instanceof Date && !Number.isNaN(revokedAt.getTime())) return revokedAt.getTime() <= now.getTime();
  return revokedAt !== false;
}
