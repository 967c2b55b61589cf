import { hash, randomBytes } from 'node:crypto';

/**
 * SHA-256 hex of an API key: the only form in which a key is ever stored or looked up.
 * One-shot `hash` (Node ≥ 20.12) rather than a `createHash` stream: every request hashes its
 * key, and the stream object costs several times as much.
 */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** A new random key: `dg_` + 32 bytes of base64url. Shown once, never stored. */
export function generateApiKey(): string {
  return `dg_${randomBytes(32).toString('base64url')}`;
}
