/**
 * Binary (UTF-16 code-unit) string order: stable across machines and locales, which
 * `localeCompare` is not. Used for the partition order and the `_id` tie-break.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
