/** graphql-scalars' `Date` parses to a UTC-midnight Date; the analytics layer takes `YYYY-MM-DD`. */
export function dayString(value: Date | string | null | undefined): string | null {
  if (value == null) return null;
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
