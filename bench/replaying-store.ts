import type { CallStore } from '../src/store/call-store.ts';
import { decorate } from '../src/store/decorators/decorate.ts';

/**
 * The store's answers, replayed: the first run of each pipeline (per collection) runs on `inner`
 * and is kept; every later run gets a copy of each row, so no request can change the rows the
 * next one reads (what rows share with the documents is frozen at load, see call-partitions.ts).
 * Benches use it to time what a request does around its pipelines, without the scan.
 */
export function replaying(inner: CallStore): CallStore {
  const answers = new Map<string, Promise<unknown[]>>();
  return decorate(inner, async <T>(...[pipeline, options]: Parameters<CallStore['aggregate']>) => {
    const key = `${options?.collection ?? ''} ${JSON.stringify(pipeline)}`;
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = inner.aggregate(pipeline, options)));
    return (await answer).map((row) => ({ ...(row as object) })) as T[];
  });
}
