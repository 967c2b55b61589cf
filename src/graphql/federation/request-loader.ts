import type { GraphQLContext } from '../context.ts';

/**
 * The request's DataLoader (or a holder of one) called `name`, made by `create` on first use.
 * Loaders live on the context, so batches and caches never outlive (or leak between) requests.
 */
export function requestLoader<L>(options: { context: GraphQLContext; name: string; create: () => L }): L {
  const { context, name, create } = options;
  let loader = context.loaders.get(name) as L | undefined;
  if (!loader) {
    loader = create();
    context.loaders.set(name, loader);
  }
  return loader;
}
