/**
 * The one rounding rule of the API (DESIGN section 4): half away from zero on the number's
 * shortest decimal form, as a person rounds. Binary tricks such as `Math.round(x * 100) / 100`
 * get 1.005 and 4.025 wrong because those values are stored slightly below their decimal
 * form, so the rounding below works on the digits of `String(x)` instead.
 */

/** `String(x)` of a finite, non-negative number: digits, optional fraction, optional exponent. */
const SHORTEST_FORM = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * Rounds `value` to `decimals` places, half away from zero, on its shortest decimal form.
 * 1.125 → 1.13, 1.005 → 1.01, -1.005 → -1.01. Non-finite values come back unchanged.
 */
export function roundHalfAway(value: number, decimals: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  // Fast path (a series has thousands of averages): away from a half, the binary product
  // rounds the way the digits do. Below 1e6 the product is within 1e-10 of the exact value,
  // far inside the 1e-6 margin, and an integer divided by 10^d is the double of that decimal.
  const scaled = Math.abs(value) * 10 ** decimals;
  const fraction = scaled - Math.floor(scaled);
  if (scaled < 1e6 && Math.abs(fraction - 0.5) > 1e-6) {
    const magnitude = Math.round(scaled) / 10 ** decimals;
    if (magnitude === 0) return 0; // no "-0" in results
    return value < 0 ? -magnitude : magnitude;
  }
  return roundOnDigits(value, decimals);
}

/** `roundHalfAway` on the digits of `String(x)`: exact, for values at or near a half. */
export function roundOnDigits(value: number, decimals: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const match = SHORTEST_FORM.exec(String(Math.abs(value)));
  if (!match) return value;
  const [, whole, fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  // Index in `digits` of the first digit that is dropped.
  const cut = whole.length + Number(exponent) + decimals;
  if (cut >= digits.length) return value;
  const roundUp = cut >= 0 && digits.charCodeAt(cut) >= 53; // '5'
  const kept = cut > 0 ? digits.slice(0, cut) : '0';
  const magnitude = Number(`${roundUp ? incrementDigits(kept) : kept}e${-decimals}`);
  if (magnitude === 0) return 0; // no "-0" in results
  return value < 0 ? -magnitude : magnitude;
}

/** Adds one to a string of decimal digits (exact, whatever its length). */
function incrementDigits(digits: string): string {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] !== '9') {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
    chars[i] = '0';
  }
  return `1${chars.join('')}`;
}

/** Rounds to 2 decimals: minutes, hours, averages. */
export function round2(x: number): number {
  return roundHalfAway(x, 2);
}

/**
 * Average minutes per call from unrounded totals, 2 decimals; 0 over no calls. One division
 * (`seconds / (60 × calls)`): dividing twice (`seconds / 60 / calls`) rounds 9 s over 6 calls
 * to 0.02 instead of 0.03, because the intermediate 0.15 / 6 lands just below 0.025.
 */
export function averageMinutes(seconds: number, calls: number): number {
  return calls > 0 ? round2(seconds / (60 * calls)) : 0;
}

/** Rounds a 0–100 percentage to 1 decimal. */
export function roundPercent(x: number): number {
  return roundHalfAway(x, 1);
}

/** `part` as a percentage of `whole`, 1 decimal; 0 when `whole` is 0 (nothing to divide). */
export function percentOf(part: number, whole: number): number {
  if (whole === 0) return 0;
  // One division, not `part / whole * 100`: a single correctly rounded quotient keeps its
  // shortest form equal to the true decimal (29 of 400 is 7.25, not 7.249999999999999).
  return roundPercent((part * 100) / whole);
}
