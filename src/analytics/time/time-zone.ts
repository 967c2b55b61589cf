import { echoValue } from '../../shared/echo-value.ts';
/**
 * Time zones of the API: the `timezone` argument, UTC offsets and whole local days. The
 * offsets, segments and day helpers live in their own files and are re-exported here so the
 * compiler has one place to import time zones from.
 */
import { UserInputError } from '../errors.ts';

export { offsetAt } from './zone-offset.ts';
export { offsetSegments, type OffsetSegment } from './offset-segments.ts';
export { localDayStart, localDayRange, localDate } from './local-day.ts';
export { addDays, isValidDay } from './calendar.ts';

// Area/Location names, plus the single-word ones (UTC, GMT, EST5EDT) and Etc/GMT+5. Checking the
// form first keeps what Intl would also accept out: offsets such as "+05:00" (newer V8 takes
// them) are not IANA names.
const IANA_FORM = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

// ICU reports CLDR's identifiers, which kept some names IANA has since replaced; users expect
// the current IANA name back (Asia/Kolkata, not Asia/Calcutta). Measured on Node 20 / ICU 78
// against zone.tab; newer engines already answer with the IANA name, which this leaves alone.
const CLDR_TO_IANA: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

// Building a formatter to validate a name is slow; valid names are few (their spellings could
// grow without end through upper/lower case, hence the bound).
const normalized = new Map<string, string>();
const NORMALIZED_LIMIT = 5_000;

/**
 * The canonical IANA name of `zone` (`america/new_york` → `America/New_York`, `Etc/UTC` →
 * `UTC`). Anything Intl does not know as an IANA zone is a UserInputError on `argument`.
 */
export function normalizeTimeZone(zone: string, argument: string): string {
  const known = normalized.get(zone);
  if (known !== undefined) return known;
  const resolved = typeof zone === 'string' && IANA_FORM.test(zone) ? resolveWithIntl(zone) : undefined;
  if (resolved === undefined) {
    throw new UserInputError(argument, `unknown time zone ${echoValue(zone)}; use an IANA name such as Europe/Berlin`);
  }
  const canonical = CLDR_TO_IANA[resolved] ?? resolved;
  if (normalized.size >= NORMALIZED_LIMIT) normalized.clear();
  normalized.set(zone, canonical);
  return canonical;
}

function resolveWithIntl(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined; // RangeError: Invalid time zone specified
  }
}
