import type { Plugin, YogaServerOptions } from 'graphql-yoga';

/** Headers a browser client of the API sends besides the CORS-safelisted ones. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'x-request-id', 'x-dialgraph-explain'];

/**
 * Yoga's `cors` option (DESIGN 7, `--cors-origins`). Without a list any origin may read answers
 * but none is granted credentials (the key travels in `Authorization`, which a browser sends only
 * where the page's own code puts it). With a list, only a listed origin gets CORS headers, with
 * credentials; any other origin gets none at all, so its browser refuses to hand it the answer.
 */
export function corsOptions(origins: readonly string[] | undefined): YogaServerOptions<object, object>['cors'] {
  if (!origins?.length) return { origin: '*', credentials: false };
  const allowed = new Set(origins);
  return (request) => {
    const origin = request.headers.get('origin');
    return origin && allowed.has(origin) ? { origin, credentials: true, allowedHeaders: ALLOWED_HEADERS, methods: ['GET', 'POST'], exposedHeaders: ['x-request-id', 'retry-after'] } : false;
  };
}

/**
 * With an allowlist the CORS headers depend on the request's `Origin`: `Vary: Origin` on every
 * answer, so no cache hands one origin's answer (or its absence of headers) to another.
 */
export function useVaryOrigin(origins: readonly string[] | undefined): Plugin {
  if (!origins?.length) return {};
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      if (!vary?.split(',').some((v) => v.trim().toLowerCase() === 'origin')) response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
    },
  };
}
