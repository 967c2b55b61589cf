import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../context.ts';

/**
 * The request's DataLoader called `name`, made by `create` on first use. Loaders live on the
 * context, so batches and caches never outlive (or leak between) requests.
 */
export function requestLoader<K, V>(options: {
  context: GraphQLContext;
  name: string;
  create: () => DataLoader<K, V, string>;
}): DataLoader<K, V, string> {
  const { context, name, create } = options;
  let loader = context.loaders.get(name) as DataLoader<K, V, string> | undefined;
  if (!loader) {
    loader = create();
    context.loaders.set(name, loader);
  }
  return loader;
}
