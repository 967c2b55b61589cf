/**
 * A REST route runs its GraphQL operation as a second request through the same Yoga instance.
 * The route marks that inner request's server context with the outer request, so per-request
 * plugins (the access log) can treat both as the one request the client made. A symbol key,
 * because a header could be sent by any client to hide its requests from the log.
 */
const OUTER_REQUEST = Symbol('dialgraph.outerRequest');

export function markInnerRequest<T extends object>(serverContext: T, outer: Request): T {
  return { ...serverContext, [OUTER_REQUEST]: outer };
}

/** The client's request this one runs for, when it is a route's inner request. */
export function outerRequestOf(serverContext: unknown): Request | undefined {
  return typeof serverContext === 'object' && serverContext !== null ? (serverContext as { [OUTER_REQUEST]?: Request })[OUTER_REQUEST] : undefined;
}
