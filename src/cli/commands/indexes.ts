import type { Command } from '../command.ts';
import { MONGO_CONNECTION_OPTIONS, withMongoStore } from '../mongo-connection.ts';
import { ensureIndexes, type EnsuredIndex } from '../../store/mongo/indexes.ts';

/** `dialgraph indexes`: creates (idempotently) the indexes the compiled pipelines rely on. */
export const indexesCommand: Command = {
  name: 'indexes',
  summary: 'Create the MongoDB indexes dialgraph relies on (safe to run again; existing ones are kept)',
  options: { ...MONGO_CONNECTION_OPTIONS },
  async run(values) {
    const ensured = await withMongoStore(values, (store) => ensureIndexes(store));
    process.stdout.write(formatIndexes(ensured));
  },
};

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
