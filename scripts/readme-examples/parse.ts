/**
 * Finds the runnable examples of a Markdown file. An example is a fenced block whose info string
 * carries `example=<id>` (language `graphql` or `sh`); its output is the block tagged
 * `output=<id>` that follows it. Keeping the id in the info string leaves the Markdown readable
 * (renderers only look at the first word) while letting a script find and rewrite the outputs.
 */
export interface ReadmeExample {
  id: string;
  kind: 'graphql' | 'sh';
  code: string;
  /** Line index (0-based) of the output block's opening fence. */
  outputOpen: number;
  /** Line index of the output block's closing fence. */
  outputClose: number;
}

interface Block {
  info: string;
  open: number;
  close: number;
  body: string;
}

export function parseExamples(markdown: string): ReadmeExample[] {
  const blocks = fencedBlocks(markdown.split('\n'));
  const examples: ReadmeExample[] = [];
  const outputs = new Map<string, Block>();
  for (const block of blocks) {
    const output = /(?:^|\s)output=([\w-]+)/.exec(block.info)?.[1];
    if (output) {
      if (outputs.has(output)) throw new Error(`README: two output blocks for "${output}"`);
      outputs.set(output, block);
    }
  }
  for (const block of blocks) {
    const id = /(?:^|\s)example=([\w-]+)/.exec(block.info)?.[1];
    if (!id) continue;
    const lang = block.info.split(/\s+/)[0];
    if (lang !== 'graphql' && lang !== 'sh') throw new Error(`README: example "${id}" is a ${lang || 'plain'} block; use graphql or sh`);
    const output = outputs.get(id);
    if (!output) throw new Error(`README: example "${id}" has no \`\`\`json output=${id} block`);
    if (output.open < block.close) throw new Error(`README: the output of "${id}" comes before the example`);
    if (examples.some((e) => e.id === id)) throw new Error(`README: two examples named "${id}"`);
    examples.push({ id, kind: lang, code: block.body, outputOpen: output.open, outputClose: output.close });
  }
  for (const id of outputs.keys()) {
    if (!examples.some((e) => e.id === id)) throw new Error(`README: output block "${id}" belongs to no example`);
  }
  return examples;
}

/** The README with each example's output block replaced by the given text. */
export function writeOutputs(markdown: string, outputs: Map<string, string>): string {
  const lines = markdown.split('\n');
  const examples = parseExamples(markdown).sort((a, b) => b.outputOpen - a.outputOpen);
  for (const example of examples) {
    const text = outputs.get(example.id);
    if (text === undefined) throw new Error(`no output for example "${example.id}"`);
    lines.splice(example.outputOpen + 1, example.outputClose - example.outputOpen - 1, ...text.split('\n'));
  }
  return lines.join('\n');
}

/** The current text of each example's output block. */
export function readOutputs(markdown: string): Map<string, string> {
  const lines = markdown.split('\n');
  return new Map(parseExamples(markdown).map((e) => [e.id, lines.slice(e.outputOpen + 1, e.outputClose).join('\n')]));
}

function fencedBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let open = -1;
  let info = '';
  lines.forEach((line, i) => {
    const fence = /^```(.*)$/.exec(line);
    if (!fence) return;
    if (open < 0) {
      open = i;
      info = fence[1].trim();
    } else {
      blocks.push({ info, open, close: i, body: lines.slice(open + 1, i).join('\n') });
      open = -1;
    }
  });
  if (open >= 0) throw new Error(`README: unclosed code block at line ${open + 1}`);
  return blocks;
}
