import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import { chooseEncoding, matchesEtag } from '../graphql/plugins/use-graphiql-page.ts';
import { buildDashboard } from './build-dashboard.ts';
import { dashboardPage } from './dashboard-page.ts';

export interface DashboardOptions {
  /** Pre-filled in the key field; give it only when serving on loopback. */
  demoKey?: string;
  /**
   * Build the client right away (in the background) instead of on the first request, so the
   * first visit does not wait for esbuild. The server does; tests that never open it do not.
   */
  warm?: boolean;
}

interface Asset {
  type: string;
  body: Uint8Array;
  gzip: Uint8Array;
  brotli: Uint8Array;
  etag: string;
}

/**
 * Serves `/dashboard` (the page), `/dashboard/app.js` and `/dashboard/app.css`. The client is
 * built on first request and kept; each asset is compressed once (br or gzip as the client
 * accepts) and carries an ETag, so a reload costs a 304.
 */
export function useDashboard<TContext extends Record<string, any> = Record<string, any>>(options: DashboardOptions = {}): Plugin<TContext> {
  let assets: Promise<Map<string, Asset>> | null = null;
  const load = () => {
    assets ??= buildDashboard().then((bundle) => new Map([
      ['/dashboard', asset('text/html; charset=utf-8', new TextEncoder().encode(dashboardPage(options)))],
      ['/dashboard/app.js', asset('text/javascript; charset=utf-8', bundle.script)],
      ['/dashboard/app.css', asset('text/css; charset=utf-8', bundle.styles)],
    ]));
    // A failed build is retried on the next request rather than cached.
    assets.catch(() => (assets = null));
    return assets;
  };

  if (options.warm) setImmediate(() => load().catch(() => undefined));

  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      const path = url.pathname === '/dashboard/' ? '/dashboard' : url.pathname;
      if (path !== '/dashboard' && !path.startsWith('/dashboard/')) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response('Method Not Allowed', { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const found = (await load()).get(path);
      if (!found) {
        endResponse(new fetchAPI.Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } }));
        return;
      }
      endResponse(respond(found, request, fetchAPI.Response));
    },
  };
}

function asset(type: string, body: Uint8Array): Asset {
  return {
    type,
    body,
    gzip: gzipSync(body, { level: 9 }),
    brotli: brotliCompressSync(body),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}

function respond(found: Asset, request: Request, ResponseClass: typeof Response): Response {
  const headers: Record<string, string> = {
    'content-type': found.type,
    etag: found.etag,
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
  };
  // The same negotiation as the GraphiQL page: `q=0` refuses an encoding, a weak or listed ETag matches.
  if (matchesEtag(request.headers.get('if-none-match'), found.etag)) return new ResponseClass(null, { status: 304, headers });
  const encoding = chooseEncoding(request.headers.get('accept-encoding'));
  const body = encoding === 'br' ? found.brotli : encoding === 'gzip' ? found.gzip : found.body;
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.byteLength);
  // A Uint8Array is a valid body; the DOM typings only lack the ArrayBufferLike variant.
  return new ResponseClass(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
}
