/**
 * Plain calendar arithmetic on "wall-clock milliseconds": a local date and time written as if
 * it were UTC. Everything here is zone-free; time zones are applied before (see zone-offset.ts)
 * so that one set of UTC rules serves every zone, as in DESIGN section 3.
 */

/** Milliseconds in one hour. */
export const HOUR_MS = 3_600_000;
/** Milliseconds in one day (calendar days on the wall clock always have 24 hours). */
export const DAY_MS = 86_400_000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar moment as read off a clock; `month` counts from 1. */
export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

/** Wall-clock ms of a calendar moment; unlike `Date.UTC` it keeps years 0–99 as written. */
export function wallMillis(fields: WallFields): number {
  const date = new Date(0);
  date.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  date.setUTCHours(fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0, 0);
  return date.getTime();
}

/** Wall-clock ms of the midnight that begins `day`, or `undefined` for anything but a real `YYYY-MM-DD`. */
export function parseDay(day: string): number | undefined {
  const match = DAY_PATTERN.exec(day);
  if (!match) return undefined;
  const wall = wallMillis({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  // The round trip rejects dates that Date would silently roll over, such as 2024-02-30.
  return formatDay(wall) === day ? wall : undefined;
}

/** Same as parseDay, for callers that already validated the day; a bad one is a programming error. */
export function requireDay(day: string): number {
  const wall = parseDay(day);
  if (wall === undefined) throw new RangeError(`not a calendar day (YYYY-MM-DD): "${day}"`);
  return wall;
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isValidDay(day: string): boolean {
  return typeof day === 'string' && parseDay(day) !== undefined;
}

/** The `YYYY-MM-DD` that `day` is `n` days after (before, when `n` is negative). */
export function addDays(day: string, n: number): string {
  return formatDay(requireDay(day) + n * DAY_MS);
}

/** `YYYY-MM-DD` of the wall-clock day containing `wallMs`. */
export function formatDay(wallMs: number): string {
  const date = new Date(wallMs);
  return `${formatYear(date.getUTCFullYear())}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** `YYYY-MM-DDTHH:00` of the wall-clock hour containing `wallMs`. */
export function formatHour(wallMs: number): string {
  return `${formatDay(wallMs)}T${pad2(new Date(wallMs).getUTCHours())}:00`;
}

/** `YYYY-MM` of a month counted as `year * 12 + monthIndex`. */
export function formatMonth(monthNumber: number): string {
  const year = Math.floor(monthNumber / 12);
  return `${formatYear(year)}-${pad2(monthNumber - year * 12 + 1)}`;
}

function formatYear(year: number): string {
  // Four digits as in ISO 8601; years outside 0–9999 (never real call data) keep their sign.
  return year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
