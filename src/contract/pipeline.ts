/** One stage of an aggregation pipeline (`{ $match: … }`, `{ $group: … }` …), as plain data. */
export type Stage = Record<string, unknown>;

/**
 * A MongoDB aggregation pipeline over the `calls` collection, exactly as both store adapters
 * receive it. Declared here once: the compiler produces it, the stores run it.
 */
export type Pipeline = Stage[];
