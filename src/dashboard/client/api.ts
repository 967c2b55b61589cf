import type { TypedDocumentString } from '../generated/graphql.ts';

/** A refusal the panel shows as it is: the API's own message, with what kind it was. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** `extensions.code` of the first error, or HTTP_<status> / NETWORK when there was none. */
    readonly code: string,
  ) {
    super(message);
  }
}

/** The key the panels send; set by the key field, kept for the browser session only. */
let apiKey = '';
export function setApiKey(key: string): void {
  apiKey = key.trim();
}
export function currentApiKey(): string {
  return apiKey;
}

/**
 * Runs one typed operation of `src/dashboard/operations/` against `/graphql` with the current
 * key. Resolves with `data` only when the answer carries no error: a panel never draws a
 * partial answer as if it were whole.
 */
export async function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...authorization() },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (error) {
    throw new ApiError(`The gateway could not be reached (${(error as Error).message}).`, 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as { data?: TResult; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  const first = body?.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? `HTTP_${response.status}`);
  if (!response.ok || !body?.data) throw new ApiError(`The gateway answered HTTP ${response.status}.`, `HTTP_${response.status}`);
  return body.data;
}

/** Headers that carry the key, for requests made outside `request` (the CSV download). */
export function authorization(): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}
