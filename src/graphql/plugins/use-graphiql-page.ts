import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

const compressors = {
  br: (body: Buffer) => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body: Buffer) => promisify(gzip)(body, { level: 6 }),
} as const;
type Encoding = keyof typeof compressors;

export interface GraphiQLPageOptions {
  /** The GraphQL endpoint the page is served at (`GET` with `Accept: text/html`). */
  endpoint: string;
  /** Renders the page; called once, the page is then served from memory. */
  render: () => string;
  /**
   * Render and compress right away (in the background) instead of on the first request, which
   * would otherwise wait 1–3 s for brotli. The server does; tests, which build many gateways,
   * do not.
   */
  warm?: boolean;
}

/**
 * Serves the GraphiQL page (about 9 MB: GraphiQL, Monaco and its workers are bundled so the page
 * works offline) rendered once, compressed once per encoding (br or gzip, as the client accepts),
 * with a strong ETag so a reload is a 304. Yoga's own GraphiQL plugin renders and sends the page
 * uncompressed on every request.
 */
export function useGraphiQLPage(options: GraphiQLPageOptions): Plugin {
  let page: { body: Buffer; etag: string } | undefined;
  const compressed = new Map<Encoding, Promise<Buffer>>();
  const load = () => {
    if (!page) {
      const body = Buffer.from(options.render());
      page = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    }
    return page;
  };
  const compress = (encoding: Encoding) => {
    let pending = compressed.get(encoding);
    if (!pending) {
      pending = compressors[encoding](load().body);
      compressed.set(encoding, pending);
    }
    return pending;
  };
  if (options.warm) {
    setImmediate(() => {
      compress('br').catch(() => compressed.delete('br'));
      compress('gzip').catch(() => compressed.delete('gzip'));
    });
  }
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' || !request.headers.get('accept')?.includes('text/html')) return;
      if (url.pathname !== options.endpoint && url.pathname !== `${options.endpoint}/`) return;
      const { body, etag } = load();
      const headers: Record<string, string> = { etag, vary: 'Accept-Encoding', 'cache-control': 'no-cache' };
      if (matchesEtag(request.headers.get('if-none-match'), etag)) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      const encoding = chooseEncoding(request.headers.get('accept-encoding'));
      const respond = (bytes: Buffer, contentEncoding?: Encoding) =>
        endResponse(
          new fetchAPI.Response(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), {
            status: 200,
            headers: { ...headers, 'content-type': 'text/html; charset=utf-8', ...(contentEncoding ? { 'content-encoding': contentEncoding } : {}) },
          }),
        );
      if (!encoding) return respond(body);
      return compress(encoding).then((bytes) => respond(bytes, encoding));
    },
  };
}

/** br when accepted, else gzip, else none; `q=0` refuses an encoding. */
export function chooseEncoding(acceptEncoding: string | null): Encoding | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get('*');
  const ok = (name: Encoding) => (accepted.get(name) ?? wildcard ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
