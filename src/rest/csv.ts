/** Rows written per chunk: big enough to amortize a pull, small enough to start sending early. */
const ROWS_PER_CHUNK = 256;

/**
 * Rows as RFC 4180 CSV (CRLF, a header row, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled), streamed: each pull of the response body writes the next rows, so
 * a 1000-row page is never one string and a slow client holds back the work. Numbers are written
 * as JavaScript prints them (no grouping, no rounding beyond the API's), booleans as true/false,
 * null as an empty field, lists and objects as JSON. Written by hand rather than with
 * csv-stringify: its per-field option handling took 3× `JSON.stringify` of the same rows and
 * made seed 003's 1,000-record CSV 1.15× its GraphQL request (docs/decisions.md).
 */
export function csvStream(columns: readonly string[], rows: readonly Record<string, unknown>[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = next === 0 ? csvRecord(columns) : '';
      const end = Math.min(next + ROWS_PER_CHUNK, rows.length);
      for (; next < end; next++) {
        const row = rows[next];
        text += csvRecord(columns.map((column) => row[column]));
      }
      if (text) controller.enqueue(encoder.encode(text));
      if (next >= rows.length) controller.close();
    },
  });
}

/** One CSV record with its CRLF. */
export function csvRecord(values: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvField(values[i]);
  return `${line}\r\n`;
}

const NEEDS_QUOTES = /[",\r\n]/;

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Does an Accept header prefer CSV? Yes when it lists `text/csv` (q > 0) and not
 * `application/json` at a higher quality or earlier at the same one.
 */
export function acceptsCsvFirst(accept: string | null): boolean {
  if (!accept) return false;
  const ranked = accept.split(',').map((part, index) => {
    const [type, ...params] = part.split(';').map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith('q='));
    return { type: type.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
  });
  const csv = ranked.find((entry) => entry.type === 'text/csv');
  if (!csv || !(csv.q > 0)) return false;
  const json = ranked.find((entry) => entry.type === 'application/json');
  return !json || csv.q > json.q || (csv.q === json.q && csv.index < json.index);
}
