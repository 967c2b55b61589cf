import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 hex of an API key: the only form in which a key is ever stored or looked up. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random key: `dg_` + 32 bytes of base64url. Shown once, never stored. */
export function generateApiKey(): string {
  return `dg_${randomBytes(32).toString('base64url')}`;
}
