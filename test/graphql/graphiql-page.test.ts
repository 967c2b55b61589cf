import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/graphql/yoga.ts';
import { chooseEncoding } from '../../src/graphql/plugins/use-graphiql-page.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';

/** The GraphiQL page: compressed as the client accepts, cacheable by ETag, still offline. */
const yoga = createGateway({
  store: createEmbeddedStore({ calls: [], apiKeys: [] }),
  graphiql: { apiKey: 'demo-key-123', tabs: [{ query: 'query A { callsByPhoneNumber { phoneNumber } }', variables: '{"x":1}', headers: '{}' }] },
});
const page = (headers: Record<string, string>) => yoga.fetch('http://dialgraph.test/graphql', { headers: { accept: 'text/html', ...headers } });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('GraphiQL page', () => {
  it('is sent uncompressed without Accept-Encoding, with an ETag and no-cache', async () => {
    const response = await page({ 'accept-encoding': 'identity' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    const html = (await bytes(response)).toString();
    expect(html).toContain('<title>dialgraph</title>');
    expect(html).toContain('"defaultTabs"');
  });

  it('is gzip- or brotli-compressed to the same page, at under a third of its size', async () => {
    const plain = await bytes(await page({ 'accept-encoding': 'identity' }));
    const gz = await page({ 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const gzBody = await bytes(gz);
    expect(gunzipSync(gzBody).equals(plain)).toBe(true);
    const br = await page({ 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBody = await bytes(br);
    expect(brotliDecompressSync(brBody).equals(plain)).toBe(true);
    expect(gzBody.length).toBeLessThan(plain.length / 3);
    expect(brBody.length).toBeLessThan(gzBody.length);
  }, 60_000);

  it('answers 304 to a matching If-None-Match, 200 to a stale one', async () => {
    const etag = (await page({})).headers.get('etag')!;
    const fresh = await page({ 'if-none-match': etag });
    expect(fresh.status).toBe(304);
    expect(fresh.headers.get('etag')).toBe(etag);
    expect((await bytes(fresh)).length).toBe(0);
    expect((await page({ 'if-none-match': `W/${etag}, "other"` })).status).toBe(304);
    expect((await page({ 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('leaves GraphQL over GET and POST alone', async () => {
    const response = await yoga.fetch('http://dialgraph.test/graphql?query=%7B__typename%7D', { headers: { accept: 'application/json' } });
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('chooses br, then gzip, honouring q=0 and *', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0')).toBeUndefined();
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding(null)).toBeUndefined();
  });
});
