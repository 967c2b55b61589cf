/**
 * Where a zone's UTC offset changes. The query compiler shifts `started_at` by the offset of
 * the segment it falls into (DESIGN section 3), so it needs every change inside the queried
 * range, to the millisecond.
 */
import { LRUCache } from 'lru-cache';
import { DAY_MS, wallMillis } from './calendar.ts';
import { offsetAtMillis } from './zone-offset.ts';

/** From `start` on (until the next segment's start), local time is UTC + `offsetMs`. */
export interface OffsetSegment {
  start: Date;
  offsetMs: number;
}

interface Transition {
  /** First millisecond of the new offset. */
  at: number;
  offsetMs: number;
}

// Two changes that cancel out between samples would be missed. Since 1900 no zone in tzdb
// changes its offset and back within 8 days (measured with Node 20's tzdb 2025c: Tunis 1943
// 8.25 days; since 1970, Brazil 2000, 7 days), so 2-day samples keep a wide margin while a
// 10-year range costs ~1,800 Intl calls. A change to a third offset is never missed.
const SAMPLE_STEP_MS = 2 * DAY_MS;

// Transitions per zone and UTC year: dashboards ask for the same zones and years again and
// again. A bounded LRU (not a map emptied when full): ranges are capped at 20 years, so one
// request touches at most 22 entries per zone, and many zones' recent years stay side by side
// instead of evicting each other wholesale.
const yearCache = new LRUCache<string, readonly Transition[]>({ max: 4096 });

/**
 * The UTC-offset segments covering [from, to]: the first starts at `from`, each next one at
 * the exact millisecond the offset changes. One segment when the offset is constant.
 */
export function offsetSegments(zone: string, from: Date, to: Date): OffsetSegment[] {
  const start = from.getTime();
  const end = to.getTime();
  const segments: OffsetSegment[] = [{ start: new Date(start), offsetMs: offsetAtMillis(zone, start) }];
  if (!(end > start)) return segments;
  const firstYear = new Date(start).getUTCFullYear();
  const lastYear = new Date(end).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const transition of transitionsInYear(zone, year)) {
      if (transition.at > start && transition.at <= end) {
        segments.push({ start: new Date(transition.at), offsetMs: transition.offsetMs });
      }
    }
  }
  return segments;
}

/** Transitions after the start of UTC `year`, up to and including the start of the next year. */
function transitionsInYear(zone: string, year: number): readonly Transition[] {
  const key = `${zone}\u0000${year}`;
  let transitions = yearCache.get(key);
  if (!transitions) {
    transitions = scan(zone, wallMillis({ year, month: 1, day: 1 }), wallMillis({ year: year + 1, month: 1, day: 1 }));
    yearCache.set(key, transitions);
  }
  return transitions;
}

/** Samples (start, end] and pins every change found down to the millisecond. */
function scan(zone: string, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let known = start;
  let knownOffset = offsetAtMillis(zone, start);
  for (let sample = start; sample < end; ) {
    sample = Math.min(sample + SAMPLE_STEP_MS, end);
    const sampleOffset = offsetAtMillis(zone, sample);
    // Several changes may sit between two samples (A → B → C): pin them one by one.
    while (sampleOffset !== knownOffset) {
      const at = firstChangeAfter(zone, known, sample, knownOffset);
      knownOffset = offsetAtMillis(zone, at);
      known = at;
      found.push({ at, offsetMs: knownOffset });
    }
    known = sample;
  }
  return found;
}

/** Binary search for the first ms in (low, high] whose offset is not `lowOffset`. */
function firstChangeAfter(zone: string, low: number, high: number, lowOffset: number): number {
  // offsetAt is constant within each whole second (Intl shows seconds), so a change always
  // begins on one: searching seconds takes 17 steps over two days instead of 28.
  let lo = Math.floor(low / 1000);
  let hi = Math.ceil(high / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAtMillis(zone, mid * 1000) === lowOffset) lo = mid;
    else hi = mid;
  }
  return Math.min(hi * 1000, high);
}
