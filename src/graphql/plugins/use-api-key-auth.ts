import { useGenericAuth } from '@envelop/generic-auth';
import { GraphQLError } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { AuthenticationError, authenticate, keyLookup } from '../../auth/authenticate.ts';
import type { ApiKeyLookup } from '../../contract/api-key-record.ts';
import type { Principal } from '../../contract/principal.ts';

/** Options of {@link useApiKeyAuth}. */
export interface ApiKeyAuthOptions {
  /** Where key records are looked up by hash (the call store, or any `ApiKeyLookup`). */
  keys: ApiKeyLookup;
  /** The clock `revoked_at` is compared with; tests pin it. @default () => new Date() */
  now?: () => Date;
}

/**
 * Resolves `Authorization: Bearer <key>` to the request's `principal` in `onContextBuilding`
 * (envelop's `useGenericAuth` in `resolve-only` mode), so every plugin after it (limits, rate
 * limits, cache keys, metrics, logs) reads the principal from the context. A missing, malformed,
 * unknown or revoked key ends the request before execution with HTTP 401 `UNAUTHENTICATED` and
 * `WWW-Authenticate: Bearer`.
 */
export function useApiKeyAuth(options: ApiKeyAuthOptions): Plugin<{ principal: Principal }> {
  const findKey = keyLookup(options.keys);
  const now = options.now ?? (() => new Date());
  return useGenericAuth<Principal, YogaInitialContext, 'principal'>({
    mode: 'resolve-only',
    contextFieldName: 'principal',
    resolveUserFn: (context) =>
      authenticate(context.request.headers.get('authorization'), findKey, now()).catch((error: unknown) => {
        if (error instanceof AuthenticationError) {
          throw new GraphQLError(error.message, {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
          });
        }
        throw error;
      }),
  }) as Plugin<{ principal: Principal }>;
}
