/**
 * A Prometheus label whose values come from clients (operation names) must not grow without
 * bound: every new value is a new time series in the gateway and in Prometheus. The first
 * `limit` distinct values are kept; later ones are reported as `"_other"`.
 */
export function createBoundedLabel(limit: number): (value: string | undefined | null) => string {
  const seen = new Set<string>();
  return (value) => {
    const clean = (value ?? '').replace(/[^A-Za-z0-9_]/g, '').slice(0, 64) || 'anonymous';
    if (seen.has(clean)) return clean;
    if (seen.size >= limit) return '_other';
    seen.add(clean);
    return clean;
  };
}
