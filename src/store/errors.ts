/** The store cannot be reached (connection refused, topology closed, server selection failed). */
export class StoreUnavailableError extends Error {
  override readonly name: string = 'StoreUnavailableError';
}

/**
 * The store is known to be down (its circuit breaker is open), so the call was not even tried.
 * Answered like any outage; not logged per request, since the breaker logs when it opens.
 */
export class StoreCircuitOpenError extends StoreUnavailableError {
  override readonly name = 'StoreCircuitOpenError';
}

/** The aggregation ran over its time budget (`maxTimeMS`). */
export class QueryTimeoutError extends Error {
  override readonly name = 'QueryTimeoutError';
}

/**
 * The store returned a value dialgraph cannot represent exactly (a Decimal128 or a 64-bit
 * integer beyond 2^53 in a sum): refused by name rather than read as 0 or rounded silently.
 */
export class StoredValueError extends Error {
  override readonly name = 'StoredValueError';
}
