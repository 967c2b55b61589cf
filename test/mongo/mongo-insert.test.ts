import { MongoBulkWriteError, type Db } from 'mongodb';
import { describe, expect, it } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { insertCalls } from '../../src/store/mongo/insert-calls.ts';

/** A stand-in `Db` whose `calls.insertMany` records batches and can fail like the server does. */
function fakeDb(failBatch?: (batch: Record<string, unknown>[]) => Error | undefined) {
  const batches: Record<string, unknown>[][] = [];
  const db = {
    collection(name: string) {
      expect(name).toBe('calls');
      return {
        async insertMany(batch: Record<string, unknown>[], options: { ordered: boolean }) {
          expect(options.ordered).toBe(false);
          batches.push(batch);
          const error = failBatch?.(batch);
          if (error) throw error;
          return { insertedCount: batch.length };
        },
      };
    },
  } as unknown as Db;
  return { db, batches };
}

function calls(n: number): CallDocument[] {
  return Array.from({ length: n }, (_, i) => ({
    _id: `c${i}`,
    tenant_id: 't',
    user_email: 'a@b.example',
    started_at: new Date(0),
    channel: 'phone',
    direction: 'inbound',
    status: 'completed',
  }));
}

function duplicateError(batch: Record<string, unknown>[], duplicates: number, otherCode?: number): MongoBulkWriteError {
  const writeErrors = Array.from({ length: duplicates }, (_, index) => ({ index, code: 11000, errmsg: 'E11000 duplicate key' }));
  if (otherCode) writeErrors.push({ index: duplicates, code: otherCode, errmsg: 'Document failed validation' });
  const result = { insertedCount: batch.length - writeErrors.length, getWriteConcernError: () => undefined };
  return new MongoBulkWriteError({ message: 'E11000 duplicate key', code: 11000, writeErrors } as never, result as never);
}

describe('insertCalls', () => {
  it('inserts in batches and reports progress after each', async () => {
    const { db, batches } = fakeDb();
    const progress: number[] = [];
    const input = calls(12_001);
    const result = await insertCalls({ db, calls: input, onProgress: (done) => progress.push(done) });
    expect(result).toEqual({ inserted: 12_001, duplicates: 0 });
    expect(batches.map((b) => b.length)).toEqual([5_000, 5_000, 2_001]);
    expect(progress).toEqual([5_000, 10_000, 12_001]);
    // The driver writes _id into what it inserts; the caller's documents stay untouched.
    expect(batches[0][0]).not.toBe(input[0]);
  });

  it('counts already-stored calls as duplicates, not failures', async () => {
    const { db } = fakeDb((batch) => (batch[0]._id === 'c0' ? duplicateError(batch, 3) : undefined));
    expect(await insertCalls({ db, calls: calls(10), batchSize: 5 })).toEqual({ inserted: 7, duplicates: 3 });
  });

  it('stops on any other write error', async () => {
    const { db } = fakeDb((batch) => duplicateError(batch, 1, 121));
    await expect(insertCalls({ db, calls: calls(4), batchSize: 2 })).rejects.toBeInstanceOf(MongoBulkWriteError);
  });
});
