import type { Command } from '../command.ts';
import { MONGO_CONNECTION_OPTIONS, withMongoStore } from '../mongo-connection.ts';
import { dropObsoleteIndexes, ensureIndexes, type DroppedIndex, type EnsuredIndex } from '../../store/mongo/indexes.ts';

/** `dialgraph indexes`: creates (idempotently) the indexes the compiled pipelines rely on. */
export const indexesCommand: Command = {
  name: 'indexes',
  summary: 'Create the MongoDB indexes dialgraph relies on and drop the obsolete ones it created (safe to run again)',
  options: { ...MONGO_CONNECTION_OPTIONS },
  async run(values) {
    // Replacements first, so no query is left without its index while the old one goes.
    const { ensured, dropped } = await withMongoStore(values, async (store) => ({
      ensured: await ensureIndexes(store),
      dropped: await dropObsoleteIndexes(store),
    }));
    process.stdout.write(formatIndexes(ensured) + formatDropped(dropped));
  },
};

/** One line per obsolete dialgraph index found: dropped, or kept and why. */
export function formatDropped(dropped: readonly DroppedIndex[]): string {
  if (dropped.length === 0) return 'No obsolete dialgraph index to drop.\n';
  return dropped
    .map((index) => {
      const what = `${index.collection}.${index.name} ${JSON.stringify(index.key)}`;
      return index.outcome === 'dropped'
        ? `dropped obsolete ${what}\n    ${index.reason}\n`
        : `kept obsolete ${what}: the server refused to drop it (${index.outcome.kept})\n`;
    })
    .join('');
}

/** One block per index: collection.name, its key (and collation), then why it exists. */
export function formatIndexes(indexes: readonly EnsuredIndex[]): string {
  return indexes
    .map((index) => {
      const options = [index.unique ? 'unique' : '', index.collation ? `collation ${JSON.stringify(index.collation)}` : '']
        .filter(Boolean)
        .join(', ');
      return `${index.collection}.${index.name} ${JSON.stringify(index.key)}${options ? ` (${options})` : ''}\n    ${index.reason}\n`;
    })
    .join('');
}
