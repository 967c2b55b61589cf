/** The most characters of any one value an error message repeats back (DESIGN 6). */
export const MAX_ECHOED_CHARACTERS = 100;

/**
 * A value as an error message shows it: JSON-like (strings quoted), cut after
 * `MAX_ECHOED_CHARACTERS` with `…`. A 1 MB string or an array nested 5,000 deep costs no more
 * than the characters shown: the walk stops once the budget is spent, so its recursion depth
 * is bounded by the budget, never by the input.
 */
export function echoValue(value: unknown, max = MAX_ECHOED_CHARACTERS): string {
  const out = { text: '', full: true };
  write(value, out, max);
  return out.full ? out.text : `${out.text.slice(0, max)}…`;
}

interface Out {
  text: string;
  full: boolean;
}

function write(value: unknown, out: Out, max: number): void {
  if (out.text.length > max) {
    out.full = false;
    return;
  }
  if (typeof value === 'string') {
    // Quote only the part that can be shown, so a huge string is never copied whole.
    const shown = value.length > max ? value.slice(0, max + 1) : value;
    out.text += shown.length < value.length ? JSON.stringify(shown).slice(0, -1) : JSON.stringify(shown);
    if (shown.length < value.length) out.full = false;
  } else if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    out.text += String(value);
  } else if (value === undefined) {
    out.text += 'undefined';
  } else if (typeof value === 'bigint') {
    out.text += `${value}n`;
  } else if (value instanceof Date) {
    out.text += Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  } else if (Array.isArray(value)) {
    out.text += '[';
    for (let i = 0; i < value.length && out.text.length <= max; i++) {
      if (i > 0) out.text += ',';
      write(value[i], out, max);
    }
    out.text += ']';
  } else if (typeof value === 'object') {
    out.text += '{';
    let first = true;
    for (const key of Object.keys(value)) {
      if (out.text.length > max) break;
      if (!first) out.text += ',';
      first = false;
      out.text += `${JSON.stringify(key.length > max ? key.slice(0, max) : key)}:`;
      write((value as Record<string, unknown>)[key], out, max);
    }
    out.text += '}';
  } else {
    out.text += typeof value;
  }
  if (out.text.length > max) out.full = false;
}
