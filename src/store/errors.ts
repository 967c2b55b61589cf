/** The store cannot be reached (connection refused, topology closed, server selection failed). */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** The aggregation ran over its time budget (`maxTimeMS`). */
export class QueryTimeoutError extends Error {
  override readonly name = 'QueryTimeoutError';
}
