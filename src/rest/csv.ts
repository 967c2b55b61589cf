import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

/**
 * Rows as RFC 4180 CSV (CRLF, a header row, fields quoted when they need it), streamed: rows go
 * through csv-stringify's stream as the client reads, so a 1000-row page is never one string.
 * Numbers are written as JavaScript prints them (no grouping, no rounding beyond the API's),
 * booleans as true/false, null as an empty field, lists and objects as JSON.
 */
export function csvStream(columns: readonly string[], rows: readonly Record<string, unknown>[]): ReadableStream<Uint8Array> {
  const stringifier = stringify({
    header: true,
    columns: columns.map((key) => ({ key })),
    record_delimiter: '\r\n',
    cast: {
      boolean: (value) => String(value),
      number: (value) => String(value),
      object: (value) => JSON.stringify(value),
    },
  });
  const source = Readable.from(rows, { objectMode: true });
  source.on('error', (error) => stringifier.destroy(error));
  source.pipe(stringifier);
  return Readable.toWeb(stringifier) as ReadableStream<Uint8Array>;
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
