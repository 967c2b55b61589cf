import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatResponse, shapeOf } from '../../scripts/readme-examples/format.ts';
import { parseExamples, readOutputs } from '../../scripts/readme-examples/parse.ts';
import { ERROR_EXAMPLES, problemsOf, runExample } from '../../scripts/readme-examples/run.ts';
import { startSampleServer } from '../../scripts/sample-server.ts';

/**
 * The README's examples are true: each runs against `npm start`'s data (a real `dialgraph
 * serve`), answers non-empty data without errors, and has the shape the README shows. Counts and
 * dates move with the clock, so the comparison is on shape; a changed query, a renamed field or a
 * forgotten `npm run docs:examples` fails here.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const examples = parseExamples(readme);
const shown = readOutputs(readme);

let server: Awaited<ReturnType<typeof startSampleServer>>;
beforeAll(async () => {
  server = await startSampleServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('README examples', () => {
  it('has examples of each kind', () => {
    expect(examples.filter((e) => e.kind === 'graphql').length).toBeGreaterThanOrEqual(4);
    expect(examples.filter((e) => e.kind === 'sh').length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((e) => [e.id, e] as const))('%s runs and matches the README (else run npm run docs:examples)', async (id, example) => {
    const answer = await runExample(example, server.endpoint);
    expect(problemsOf(id, answer, ERROR_EXAMPLES.has(id))).toEqual([]);
    expect(shapeOf(formatResponse(answer))).toBe(shapeOf(shown.get(id) ?? ''));
  });
});

describe('README and docs/ links', () => {
  const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

  it.each(files)('%s links only to files of the repository that exist', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t));
    for (const target of targets) {
      const path = resolve(dirname(join(ROOT, file)), target);
      expect(path.startsWith(ROOT), `${file} links outside the repository: ${target}`).toBe(true);
      expect(existsSync(path), `${file} links to a missing file: ${target}`).toBe(true);
    }
  });

  it.each(files)('%s cites nothing that lives outside the repository', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text).not.toMatch(/\bDESIGN(?:\.md| \d| section)|\.\.\/shared|\/work\/|STACK\.md|STYLE\.md|the original API/);
  });
});
