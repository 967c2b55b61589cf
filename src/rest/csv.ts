/** Rows written per chunk: big enough to amortize a pull, small enough to start sending early. */
const ROWS_PER_CHUNK = 256;

/**
 * Rows as RFC 4180 CSV (CRLF, a header row, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled), streamed: each pull of the response body takes the next rows
 * from `rows` and writes them, so a 1000-row page is never one string and a slow client holds
 * back the work. A row is its cells in column order (no object per row: the route reads the
 * executed result's records and writes their values straight into the text). Numbers are
 * written as JavaScript prints them (no grouping, no rounding beyond the API's), booleans as
 * true/false, null as an empty field, lists and objects as JSON. Written by hand rather than
 * with csv-stringify: its per-field option handling took 3× `JSON.stringify` of the same rows
 * and made seed 003's 1,000-record CSV 1.15× its GraphQL request (docs/decisions.md).
 */
export function csvStream(columns: readonly string[], rows: Iterable<readonly unknown[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const next = rows[Symbol.iterator]();
  let header = true;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const records: string[] = header ? [csvRecord(columns)] : [];
      header = false;
      for (let written = 0; written < ROWS_PER_CHUNK; written++) {
        const row = next.next();
        if (row.done) {
          if (records.length) controller.enqueue(encoder.encode(records.join('')));
          controller.close();
          return;
        }
        records.push(csvRecord(row.value));
      }
      // Joined, not appended: `join` writes one flat string, where `+=` builds a rope of
      // thousands of pieces that the encoder must first flatten.
      controller.enqueue(encoder.encode(records.join('')));
    },
  });
}

/** One CSV record with its CRLF. */
export function csvRecord(values: readonly unknown[]): string {
  const cells = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) cells[i] = csvField(values[i]);
  return `${cells.join(',')}\r\n`;
}

const NEEDS_QUOTES = /[",\r\n]/;

function csvField(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object': {
      if (value === null) return '';
      // The cells are the executed result's values, not JSON read back: a `JSON` scalar may
      // hold a Date (or another object with toJSON), written as its JSON value, as in the JSON answer.
      const json = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
      return typeof json === 'string' ? quoted(json) : json === null || json === undefined ? '' : quoted(JSON.stringify(json));
    }
    default:
      return '';
  }
}

const quoted = (text: string): string => (NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

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
