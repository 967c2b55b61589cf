import { escapeRegExp, type CallField } from './conditions.ts';
import type { Condition } from './expression.ts';
import type { TimeRange } from './scope.ts';

/** At most this many prefix ranges (one per case variant of the leading letters). */
const MAX_BRANCHES = 16;

/**
 * Characters a case-insensitive match treats as the same letter. Beyond the plain upper/lower
 * pair, Unicode folds the Kelvin sign to k and the long s to s; the ranges include them so the
 * narrowing never drops a value a case-insensitive regex could match.
 */
function caseVariants(char: string): string[] {
  const variants = new Set([char, char.toLowerCase(), char.toUpperCase()]);
  const lower = char.toLowerCase();
  if (lower === 'k') variants.add('\u212A');
  if (lower === 's') variants.add('\u017F');
  return [...variants].filter((variant) => [...variant].length === 1).sort();
}

/**
 * A whole-value, case-insensitive equality that an index on `field` can serve. A
 * case-insensitive regex gets no index bounds (MongoDB scans every key of the index), so the
 * value's leading letters are spelled in each of their case variants, and each spelling
 * becomes a prefix range `[prefix, next prefix)` on `field` (with the time range beside it, so
 * a `{ field, started_at }` index bounds both). The anchored, escaped case-insensitive regex
 * still decides, on the few keys inside those ranges: the answer is the regex's, on both
 * engines, and the work is the keys sharing the value's first letters.
 */
export function equalsIgnoringCaseByPrefix(field: CallField, value: string, range?: TimeRange): Condition {
  const regex = { $regex: `^${escapeRegExp(value)}$`, $options: 'i' };
  const prefixes = casePrefixes(value);
  if (prefixes === null) return { [field]: regex };
  const started = range ? { started_at: { $gte: range.from, $lte: range.to } } : {};
  return {
    [field]: regex,
    $or: prefixes.map((prefix) => ({ [field]: { $gte: prefix, $lt: nextPrefix(prefix) as string }, ...started })),
  };
}

/**
 * Every spelling of the value's start up to the last letter that keeps the number of spellings
 * within `MAX_BRANCHES` (at least one letter's worth); null when no bound can be formed.
 */
export function casePrefixes(value: string): string[] | null {
  const chars = [...value];
  if (chars.length === 0) return null;
  let spellings = [''];
  for (const char of chars) {
    const variants = caseVariants(char);
    if (variants.length > 1 && spellings.length * variants.length > MAX_BRANCHES && spellings.length > 1) break;
    spellings = spellings.flatMap((start) => variants.map((variant) => start + variant));
    if (spellings.length >= MAX_BRANCHES) break;
  }
  return spellings.every((prefix) => nextPrefix(prefix) !== null) ? spellings : null;
}

/**
 * The least string above every string that starts with `prefix`: its last character + 1.
 * Null near the surrogates and above the BMP, where code-unit (mingo) and code-point (MongoDB)
 * orders differ; the condition then keeps the regex alone.
 */
function nextPrefix(prefix: string): string | null {
  const last = prefix.charCodeAt(prefix.length - 1);
  if (last >= 0xd7ff) return null;
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}
