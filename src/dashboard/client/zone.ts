/**
 * Local days to instants in an IANA zone, for the fields whose range is a `DateTime`
 * (analyticsQuery). The offset is read twice so a day that starts inside a DST change still
 * maps to the instant its local midnight (or the first valid local time) happens.
 */
export function localDayStart(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  let instant = wall - offsetMs(new Date(wall), timeZone);
  const second = wall - offsetMs(new Date(instant), timeZone);
  if (second !== instant) instant = Math.max(instant, second);
  return new Date(instant);
}

/** The last millisecond of local `day` (ranges are inclusive at both ends). */
export function localDayEnd(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return new Date(localDayStart(next, timeZone).getTime() - 1);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
