import type { Prng } from './prng.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Relative call volume by local hour: quiet nights, a morning ramp, a lunch dip, evening tail. */
const HOUR_WEIGHTS = [
  0.04, 0.03, 0.02, 0.02, 0.03, 0.06, 0.15, 0.35, 0.7, 1.0, 1.05, 1.0,
  0.8, 0.9, 1.0, 0.95, 0.85, 0.65, 0.45, 0.32, 0.22, 0.15, 0.1, 0.06,
];

/** Relative call volume by local weekday, 0 = Sunday. */
const WEEKDAY_WEIGHTS = [0.25, 1.0, 1.05, 1.0, 0.95, 0.85, 0.4];

/** Options of `createStartSampler`. */
export interface StartSamplerOptions {
  nowMs: number;
  days: number;
  /** The tenant's UTC offset; business hours are local to it. */
  utcOffsetMinutes: number;
}

/**
 * Draws call start instants in [now - days, now] with a business-hours daily rhythm, a
 * weekday/weekend rhythm and gentle growth over the range. The range is cut into local-hour
 * slots once; each draw is a binary search over their cumulative weights plus a uniform
 * offset inside the slot.
 */
export class StartSampler {
  private readonly slotStart: Float64Array;
  private readonly slotLength: Float64Array;
  private readonly cumulative: Float64Array;

  constructor(options: StartSamplerOptions) {
    const { nowMs, days, utcOffsetMinutes } = options;
    const offsetMs = utcOffsetMinutes * 60_000;
    const rangeStart = nowMs - days * DAY_MS;
    // Slots follow local hour boundaries, so half-hour zones still get crisp local hours.
    const firstSlot = Math.floor((rangeStart + offsetMs) / HOUR_MS) * HOUR_MS - offsetMs;
    const count = Math.ceil((nowMs - firstSlot) / HOUR_MS) + 1;
    const starts: number[] = [];
    const lengths: number[] = [];
    const cumulative: number[] = [];
    let total = 0;
    for (let i = 0; i < count; i++) {
      const slot = firstSlot + i * HOUR_MS;
      const from = Math.max(slot, rangeStart);
      const to = Math.min(slot + HOUR_MS, nowMs);
      if (to <= from) continue;
      const local = new Date(slot + offsetMs);
      const growth = 0.8 + (0.4 * (from - rangeStart)) / (nowMs - rangeStart);
      const weight = HOUR_WEIGHTS[local.getUTCHours()] * WEEKDAY_WEIGHTS[local.getUTCDay()] * growth * ((to - from) / HOUR_MS);
      total += weight;
      starts.push(from);
      lengths.push(to - from);
      cumulative.push(total);
    }
    this.slotStart = Float64Array.from(starts);
    this.slotLength = Float64Array.from(lengths);
    this.cumulative = Float64Array.from(cumulative);
  }

  /** A start instant (epoch ms, whole seconds) inside the range. */
  draw(rng: Prng): number {
    const { cumulative } = this;
    const target = rng.float() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    const at = this.slotStart[lo] + rng.float() * this.slotLength[lo];
    // Whole seconds like real CDRs; ceil keeps the first slot's draws inside the range.
    return Math.min(Math.ceil(at / 1000) * 1000, Math.floor(this.slotStart[lo] + this.slotLength[lo]));
  }
}
