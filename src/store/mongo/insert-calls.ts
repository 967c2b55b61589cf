import { MongoBulkWriteError, type Db, type Document } from 'mongodb';
import type { CallDocument } from '../../contract/call-document.ts';
import { CALLS_COLLECTION } from './mongo-store.ts';

/** How `insertCalls` went: new documents, and documents whose `_id` was already stored. */
export interface InsertCallsResult {
  inserted: number;
  duplicates: number;
}

export interface InsertCallsOptions {
  db: Db;
  calls: readonly CallDocument[];
  /** Documents per `insertMany`; default 5,000 (well under the 48 MB message limit for call documents). */
  batchSize?: number;
  /** Called after each batch with the number of documents handled so far. */
  onProgress?: (done: number) => void;
}

const DUPLICATE_KEY = 11000;

/**
 * Bulk-loads call documents in unordered batches. Re-running a seed with the same sample seed
 * is harmless: documents whose `_id` already exists are counted as duplicates, not errors.
 * Any other write error stops the load.
 */
export async function insertCalls(options: InsertCallsOptions): Promise<InsertCallsResult> {
  const batchSize = options.batchSize ?? 5_000;
  // Untyped: CallDocument's `_id: unknown` (ObjectId or string) does not fit the driver's OptionalId.
  const collection = options.db.collection<Document>(CALLS_COLLECTION);
  const result: InsertCallsResult = { inserted: 0, duplicates: 0 };
  for (let start = 0; start < options.calls.length; start += batchSize) {
    // insertMany adds an _id to documents lacking one; copies keep the caller's objects untouched.
    const batch: Document[] = options.calls.slice(start, start + batchSize).map((call) => ({ ...call }));
    try {
      const written = await collection.insertMany(batch, { ordered: false });
      result.inserted += written.insertedCount;
    } catch (error) {
      const duplicates = onlyDuplicates(error);
      if (duplicates === undefined) throw error;
      result.inserted += (error as MongoBulkWriteError).insertedCount;
      result.duplicates += duplicates;
    }
    options.onProgress?.(Math.min(start + batchSize, options.calls.length));
  }
  return result;
}

/** The number of duplicate-key failures when they are the only failures of a batch, else undefined. */
function onlyDuplicates(error: unknown): number | undefined {
  if (!(error instanceof MongoBulkWriteError) || error.result?.getWriteConcernError()) return undefined;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (writeErrors.length === 0 || writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) return undefined;
  return writeErrors.length;
}
