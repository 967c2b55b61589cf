/** A stored API key (collection `api_keys`). Only the SHA-256 hash of the key is kept. */
export interface ApiKeyRecord {
  key_hash: string;
  tenant_id: string;
  user_id?: string | null;
  /** A user-bound key that may widen its view to the whole tenant (`allUsers`, another `userId`). */
  all_users?: boolean;
  user_email: string;
  role: 'user' | 'super_admin';
  name: string;
  created_at: Date;
  /** Refused (401) from this instant on; a future date schedules the revocation. */
  revoked_at?: Date | null;
}

/**
 * Finds key records by SHA-256 hex hash; unknown hashes are simply absent from the result.
 * The one thing authentication needs from a store, so auth depends on this contract and not
 * on the store port.
 */
export interface ApiKeyLookup {
  findApiKeys(keyHashes: readonly string[]): Promise<ApiKeyRecord[]>;
}
