/**
 * `npm run docs:examples`: runs every example of README.md against `dialgraph serve`'s sample
 * data and writes the answers into the README's output blocks. Fails (exit 1) when an example
 * answers errors or empty data, so a README example can never show a failure or a zero.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { formatResponse } from './readme-examples/format.ts';
import { parseExamples, writeOutputs } from './readme-examples/parse.ts';
import { ERROR_EXAMPLES, problemsOf, runExample } from './readme-examples/run.ts';
import { startSampleServer } from './sample-server.ts';

const README = new URL('../README.md', import.meta.url);
const markdown = await readFile(README, 'utf8');
const examples = parseExamples(markdown);
console.log(`docs:examples: starting dialgraph on sample data for ${examples.length} examples…`);
const server = await startSampleServer();
const outputs = new Map<string, string>();
const problems: string[] = [];
try {
  for (const example of examples) {
    const answer = await runExample(example, server.endpoint);
    problems.push(...problemsOf(example.id, answer, ERROR_EXAMPLES.has(example.id)));
    outputs.set(example.id, formatResponse(answer));
    console.log(`  ${example.id}: ok`);
  }
} finally {
  await server.stop();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
await writeFile(README, writeOutputs(markdown, outputs));
console.log(`docs:examples: README.md updated (${examples.length} outputs)`);
