import { createHash } from 'node:crypto';
import { print } from 'graphql';
import type { RestRoute } from './route.ts';
import { REST_ROUTES } from './routes.ts';

/**
 * The routes' own GraphQL documents, by id (the SHA-256 of the printed document, as codegen's
 * persisted-documents manifest writes ids). Routes send only the id, so they keep working when
 * the gateway runs only trusted documents: the gateway adds these to its trusted set, and to the
 * APQ store otherwise.
 */
export function restRouteDocuments(routes: readonly RestRoute[] = REST_ROUTES): Record<string, string> {
  return Object.fromEntries(routes.map((route) => [documentIdOf(print(route.document)), print(route.document)]));
}

export function documentIdOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
