import type { GroupSpec } from './call-query.ts';
import type { Expression, Stage } from './expression.ts';

/**
 * `CallQuery.perDocument` against the first grouping level: a value the level reads more than
 * once is computed by one `$addFields` before it, so MongoDB evaluates it once per document
 * (the local-time offset lookup, shared by every time key); a value read once is put in its
 * place, which costs no stage; an unread one is dropped. The embedded engine's executor folds
 * the `$addFields` back into the `$group` (its repeated sub-expressions are evaluated once per
 * document anyway), so both engines get the same pipeline and give the same answer.
 */
export function perDocumentStages(values: Record<string, Expression> | undefined, group: GroupSpec | undefined): { stages: Stage[]; group: GroupSpec | undefined } {
  if (!values || !group) return { stages: [], group };
  const reads = new Map<string, number>();
  const count = (node: unknown): void => {
    if (typeof node === 'string') {
      const name = node.slice(1);
      if (node.startsWith('$') && Object.hasOwn(values, name)) reads.set(name, (reads.get(name) ?? 0) + 1);
    } else if (Array.isArray(node)) {
      node.forEach(count);
    } else if (node !== null && typeof node === 'object' && !(node instanceof Date)) {
      Object.values(node).forEach(count);
    }
  };
  count(group);
  const added: Record<string, Expression> = {};
  const inlined: Record<string, Expression> = {};
  for (const [name, value] of Object.entries(values)) {
    const n = reads.get(name) ?? 0;
    if (n > 1) added[name] = value;
    else if (n === 1) inlined[name] = value;
  }
  const replace = (node: unknown): unknown => {
    if (typeof node === 'string') return node.startsWith('$') && Object.hasOwn(inlined, node.slice(1)) ? inlined[node.slice(1)] : node;
    if (Array.isArray(node)) return node.map(replace);
    if (node === null || typeof node !== 'object' || node instanceof Date) return node;
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, replace(value)]));
  };
  return {
    stages: Object.keys(added).length ? [{ $addFields: added }] : [],
    group: Object.keys(inlined).length ? (replace(group) as GroupSpec) : group,
  };
}
