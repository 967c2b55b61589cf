import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const OPERATIONS_DIR = fileURLToPath(new URL('../../schema/operations/', import.meta.url));

/** The example operations of `schema/operations/`, offered as GraphiQL's default document. */
export async function readDefaultDocument(): Promise<string | undefined> {
  const files = (await readdir(OPERATIONS_DIR).catch(() => [] as string[])).filter((f) => f.endsWith('.graphql')).sort();
  if (!files.length) return undefined;
  const parts = await Promise.all(files.map((file) => readFile(`${OPERATIONS_DIR}${file}`, 'utf8')));
  return `# dialgraph example operations (schema/operations/). Pick one with the ▶ button.\n\n${parts.join('\n')}`;
}
