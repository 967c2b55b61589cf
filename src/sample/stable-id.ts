import { Prng } from './prng.ts';

/**
 * A UUID-shaped id derived only from `label`, so the sample tenants' assistants, call flows and
 * numbers keep the same ids whatever `--seed` is (demo keys, docs and tests can name them).
 */
export function stableUuid(label: string): string {
  const rng = new Prng(fnv1a(label));
  let hex = '';
  for (let i = 0; i < 4; i++) hex += rng.nextUint32().toString(16).padStart(8, '0');
  // Version 4 / RFC 4122 variant nibbles, so the ids pass ordinary UUID validation.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
