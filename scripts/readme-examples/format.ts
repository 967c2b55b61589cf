/**
 * Prints a GraphQL response the way the README shows it: short objects on one line, long ones
 * one member a line, and lists cut after a few rows with a "… N more" line. The cut keeps the
 * README short; the shape check (`shapeOf`) tells whether a printed output is stale.
 */
const ONE_LINE = 96;
/** Lists up to this long are shown whole; longer ones show their first SHOWN_ROWS rows. */
const WHOLE_LIST = 5;
const SHOWN_ROWS = 3;

export function formatResponse(value: unknown): string {
  return print(value, '');
}

function print(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || flat.length + indent.length <= ONE_LINE || isRow(value)) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const shown = value.length > WHOLE_LIST ? value.slice(0, SHOWN_ROWS) : value;
    const rows = shown.map((v) => `${inner}${print(v, inner)}`);
    if (shown.length < value.length) rows.push(`${inner}… ${value.length - shown.length} more`);
    return `[\n${rows.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  // A wrapper with one member ({"data": {"field": …}}) stays on its parent's line.
  if (entries.length === 1) return `{${JSON.stringify(entries[0][0])}: ${print(entries[0][1], indent)}}`;
  const members = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${print(v, inner)}`);
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/** A row: an object of scalars (or lists of scalars), printed on one line however long. */
function isRow(value: object): boolean {
  return !Array.isArray(value) && Object.values(value).every((v) => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')));
}

/**
 * The printed output with every value replaced: what must stay equal between a README and a
 * fresh run (field names, nesting, which values are null or lists), while counts and dates,
 * which move with the clock, may differ.
 */
export function shapeOf(printed: string): string {
  return printed
    .replace(/… \d+ more/g, '… more')
    // Strings left to right, so a key's closing quote is never taken for a value's opening one.
    .replace(/"(?:[^"\\]|\\.)*"(\s*:)?/g, (string, colon: string | undefined) => (colon ? string : 'S'))
    .replace(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, 'N')
    .replace(/\[\s*(?:(?:S|N|true|false),?\s*)+\]/g, '[…]');
}
