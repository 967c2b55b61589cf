import { stringify, type Options } from 'csv-stringify/sync';

/** Rows stringified per chunk: big enough to amortize a call, small enough to start sending early. */
const ROWS_PER_CHUNK = 256;

/**
 * Rows as RFC 4180 CSV (CRLF, a header row, fields quoted when they need it), streamed: each
 * pull of the response body stringifies the next rows with csv-stringify, so a 1000-row page is
 * never one string and a slow client holds back the work. Numbers are written as JavaScript
 * prints them (no grouping, no rounding beyond the API's), booleans as true/false, null as an
 * empty field, lists and objects as JSON.
 */
export function csvStream(columns: readonly string[], rows: readonly Record<string, unknown>[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const options: Options = {
    columns: columns.map((key) => ({ key })),
    record_delimiter: '\r\n',
    cast: {
      boolean: (value) => String(value),
      number: (value) => String(value),
      object: (value) => JSON.stringify(value),
    },
  };
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const header = next === 0;
      const chunk = rows.slice(next, next + ROWS_PER_CHUNK);
      next += chunk.length;
      // csv-stringify writes no header row for no records; an empty page is still its header.
      const text = header && chunk.length === 0 ? `${stringify([columns as string[]], { record_delimiter: '\r\n' })}` : stringify(chunk, { ...options, header });
      if (text) controller.enqueue(encoder.encode(text));
      if (next >= rows.length) controller.close();
    },
  });
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
