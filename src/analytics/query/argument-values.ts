/**
 * Argument values as clients send them, made into what the analytics layer compares: GraphQL's
 * `ID` may arrive as a number and graphql-scalars' `Date` as a UTC-midnight `Date`, while a
 * REST query string gives strings. Every operation's `plan` normalises through these.
 */

/** A day as `YYYY-MM-DD`: a `Date` is read at UTC midnight, a string keeps its first 10 characters. */
export function dayString(value: Date | string | null | undefined): string | null {
  if (value == null) return null;
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** An ID as the string stored in call documents. */
export function idString(value: string | number | null | undefined): string | null {
  return value == null ? null : String(value);
}

/** A list of IDs as strings; null stays null (no filter). */
export function idStrings(values: readonly (string | number)[] | null | undefined): string[] | null {
  return values?.map(String) ?? null;
}
