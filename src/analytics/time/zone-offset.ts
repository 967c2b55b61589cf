/**
 * The UTC offset of a zone at an instant, read from Intl (the engines' own time-zone operators
 * are avoided, see DESIGN section 1).
 */
import { wallMillis } from './calendar.ts';

// Constructing an Intl.DateTimeFormat costs far more than formatting with one, and offsets are
// asked for thousands of times per request, so each zone keeps its formatter.
const formatters = new Map<string, Intl.DateTimeFormat>();

// `format` and a regular expression are about 2.5 times faster than `formatToParts`.
const WALL_PATTERN = /(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)/;

// Intl prints years before 1 CE as era years that this parser would misread; no zone has an
// offset change that early, so the offset of 0001-01-01 serves for every earlier instant.
const EARLIEST_READABLE = wallMillis({ year: 1, month: 1, day: 1 });

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * Milliseconds to add to a UTC instant to get the local wall-clock time in `zone`
 * (America/New_York in winter: -18_000_000). Throws RangeError for an unknown zone or an
 * invalid date; normalize user input with `normalizeTimeZone` first.
 */
export function offsetAt(zone: string, instant: Date): number {
  return offsetAtMillis(zone, instant.getTime());
}

/** `offsetAt` on epoch milliseconds, for the hot loops that would otherwise allocate Dates. */
export function offsetAtMillis(zone: string, epochMs: number): number {
  if (Number.isNaN(epochMs)) throw new RangeError('offsetAt: invalid date');
  const ms = Math.max(epochMs, EARLIEST_READABLE);
  const match = WALL_PATTERN.exec(formatterFor(zone).format(ms));
  if (!match) throw new RangeError(`offsetAt: cannot read the local time in ${zone}`);
  const fields = {
    year: Number(match[3]),
    month: Number(match[1]),
    day: Number(match[2]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6]),
  };
  // Date.UTC is the fast path but reads years 0–99 as 1900–1999.
  const wall =
    fields.year >= 100
      ? Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second)
      : wallMillis(fields);
  // Intl shows whole seconds, so compare with the instant's whole second.
  return wall - (ms - mod(ms, 1000));
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
