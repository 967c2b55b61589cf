import { randomUUID } from 'node:crypto';

/**
 * An incoming `x-request-id` is kept when it looks like an id (1–128 characters of letters,
 * digits and `._:-`, as load balancers and tracing headers produce); anything else (empty,
 * too long, spaces, quotes) is replaced by a fresh UUID, so a log line never carries
 * client-chosen text that is not an id.
 */
export function acceptRequestId(header: string | null | undefined): string {
  return header && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : randomUUID();
}

const ids = new WeakMap<Request, string>();

/** This request's id, fixed on first ask (the request-id plugin asks first, in `onRequest`). */
export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (!id) {
    id = acceptRequestId(request.headers.get('x-request-id'));
    ids.set(request, id);
  }
  return id;
}
