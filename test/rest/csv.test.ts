import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRecord } from '../../src/rest/csv.ts';
import { restGateway, tenantKey } from '../support/rest.ts';

/**
 * CSV of the list (003 calls) and grouped (004) routes: RFC 4180, a header row, the JSON
 * answer's rows cell for cell, read back with an independent parser (csv-parse).
 */
const { rest, yoga } = restGateway();

/** A JSON value as its CSV cell: numbers and booleans as printed, null empty, lists/objects as JSON. */
const cell = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

function roundTrip(csv: string, rows: Record<string, unknown>[]) {
  const [header, ...records] = parse(csv, { relax_column_count: false }) as string[][];
  expect(header).toEqual(Object.keys(rows[0]));
  expect(records).toEqual(rows.map((row) => header.map((name) => cell(row[name]))));
  return records;
}

const month = { dayFrom: '2026-01-01', dayTo: '2026-03-31', itemsPerPage: 1000 };
const callsPath = `/api/v1/stat/calls?api-key=${tenantKey.key}`;

describe('CSV', () => {
  it('003 calls: format=csv gives the JSON page’s records, 1000 of them, CRLF-terminated', async () => {
    const json = await rest('POST', callsPath, { body: month, key: null });
    const csv = await rest('POST', `${callsPath}&format=csv`, { body: month, key: null });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(json.json.calls).toHaveLength(1000);
    const records = roundTrip(csv.text, json.json.calls);
    expect(records).toHaveLength(1000);
    expect(csv.text.split('\r\n')).toHaveLength(1002);
    // Cells that need quoting (the tag lists carry quotes and commas) came back whole.
    expect(records.some((record) => record[Object.keys(json.json.calls[0]).indexOf('tags')].includes('","'))).toBe(true);
  });

  it('is streamed: a large page arrives in several chunks', async () => {
    const response = await yoga.fetch(`http://dialgraph.test${callsPath}&format=csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(month),
    });
    let chunks = 0;
    for await (const _ of response.body as unknown as AsyncIterable<Uint8Array>) chunks += 1;
    expect(chunks).toBeGreaterThan(1);
  });

  it('004 grouped: Accept: text/csv gives the rows with dimensions then metrics', async () => {
    const path = '/api/v1/analytics/calls?group_by=date,direction&metrics=count,avg_duration,qualified_pct&start_date=2026-03-01&end_date=2026-03-31&sort_by=date&sort_order=asc&limit=1000';
    const json = await rest('GET', path);
    const csv = await rest('GET', path, { headers: { accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const records = roundTrip(csv.text, json.json.data.data);
    expect(records.length).toBeGreaterThan(31);
    // Unformatted numbers: no thousands separators, decimals as JSON has them.
    for (const record of records) expect(record[2]).toMatch(/^\d+$/);
  });

  it.each([
    ['text/csv', 'csv'],
    ['text/csv, application/json', 'csv'],
    ['application/json, text/csv', 'json'],
    ['text/csv;q=0.5, application/json', 'json'],
    ['text/csv;q=0', 'json'],
    ['*/*', 'json'],
  ])('Accept %s → %s', async (accept, kind) => {
    const answer = await rest('GET', '/api/v1/analytics/calls?group_by=source', { headers: { accept } });
    expect(answer.headers.get('content-type')).toMatch(kind === 'csv' ? /^text\/csv/ : /^application\/json/);
  });

  it('format=json wins over Accept; routes without CSV answer JSON; errors stay JSON', async () => {
    expect((await rest('GET', '/api/v1/analytics/calls?format=json', { headers: { accept: 'text/csv' } })).headers.get('content-type')).toMatch(/^application\/json/);
    expect((await rest('GET', '/analytics/calls/by-phone-number', { headers: { accept: 'text/csv' } })).headers.get('content-type')).toMatch(/^application\/json/);
    const error = await rest('GET', '/api/v1/analytics/calls?format=csv&limit=0');
    expect(error.status).toBe(400);
    expect(error.json.success).toBe(false);
  });

  it('an empty page is the header row alone', async () => {
    const answer = await rest('GET', '/api/v1/analytics/calls?group_by=source&metrics=count,total_cost_cents&start_date=2020-01-01&end_date=2020-01-02&format=csv');
    expect(answer.text).toBe('source,count,total_cost_cents\r\n');
  });

  it('writes a value of the executed result as its JSON value (a JSON scalar may hold a Date)', () => {
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(csvRecord([at, { at, n: 1 }, [1, 'a,b'], 0.5, -3, true, null, undefined, 'x"y'])).toBe(
      '2026-01-02T03:04:05.000Z,"{""at"":""2026-01-02T03:04:05.000Z"",""n"":1}","[1,""a,b""]",0.5,-3,true,,,"x""y"\r\n',
    );
  });
});
