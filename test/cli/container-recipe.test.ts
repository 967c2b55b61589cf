import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/cli/command.ts';
import { indexesCommand } from '../../src/cli/commands/indexes.ts';
import { keysCreateCommand } from '../../src/cli/commands/keys-create.ts';
import { sampleCommand } from '../../src/cli/commands/sample.ts';
import { seedCommand } from '../../src/cli/commands/seed.ts';
import { serveCommand } from '../../src/cli/commands/serve.ts';
import { parseFlags } from '../../src/cli/main.ts';

/**
 * Docker cannot run here, so the recipe is checked for what can go wrong without it: every
 * `dialgraph` command the Dockerfile and compose.yaml run exists and accepts its flags, every
 * environment variable they set is one a flag reads (or Node/OpenTelemetry's own), the files
 * they copy exist, and `serve` needs nothing from devDependencies (`npm ci --omit=dev`).
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const compose = readFileSync(join(ROOT, 'compose.yaml'), 'utf8');
const COMMANDS: Command[] = [serveCommand, sampleCommand, seedCommand, indexesCommand, keysCreateCommand];

/** Every `bin/dialgraph.js <words…> [--flags…]` invocation in a text (shell strings and JSON arrays). */
function invocations(text: string): string[][] {
  const found: string[][] = [];
  const flat = text.replace(/",\s*"/g, ' ').replace(/["\]]/g, ' ');
  for (const match of flat.matchAll(/bin\/dialgraph\.js((?:[ \t]+(?!&&)[^\s&]+)*)/g)) found.push(match[1].trim().split(/\s+/).filter(Boolean));
  return found;
}

function commandOf(args: string[]): { command: Command; rest: string[] } {
  const command = COMMANDS.find((c) => c.name.split(' ').every((word, i) => args[i] === word));
  if (!command) throw new Error(`no dialgraph command "${args.join(' ')}"`);
  return { command, rest: args.slice(command.name.split(' ').length) };
}

describe('container recipe (Dockerfile, compose.yaml)', () => {
  it('runs only dialgraph commands that exist, with flags they take', () => {
    const all = [...invocations(dockerfile), ...invocations(compose)];
    expect(all.map((args) => args.slice(0, 1)[0])).toEqual(expect.arrayContaining(['serve', 'seed', 'indexes', 'keys']));
    for (const args of all) {
      const { command, rest } = commandOf(args);
      expect(() => parseFlags(command, rest, {}), `dialgraph ${args.join(' ')}`).not.toThrow();
    }
  });

  it('sets only environment variables that a flag, Node or OpenTelemetry reads', () => {
    const known = new Set(COMMANDS.flatMap((command) => Object.values(command.options).map((option) => option.env)));
    for (const name of ['NODE_ENV', 'OTEL_EXPORTER_OTLP_ENDPOINT']) known.add(name);
    const set = [
      ...[...compose.matchAll(/^\s+#?\s*([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]),
      ...[...dockerfile.matchAll(/^(?:ENV\s+|\s+)([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]),
    ];
    expect(set.length).toBeGreaterThan(5);
    for (const name of set) expect(known, name).toContain(name);
    // The gateway reaches MongoDB by MONGODB_URI, as DESIGN 7 says.
    expect(compose).toMatch(/gateway:[\s\S]*MONGODB_URI: mongodb:\/\/mongo:27017/);
    expect(compose).toContain('image: mongo:7');
  });

  it('is multi-stage, non-root, installs production dependencies only and checks /ready', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/ready/);
    for (const [, from] of dockerfile.matchAll(/^COPY (?:--[^\s]+ )*(?!--)(\S+) /gm)) {
      if (from.startsWith('/')) continue;
      for (const path of from.split(' ')) expect(statSync(join(ROOT, path)), path).toBeTruthy();
    }
  });

  it('serves with production dependencies only: no source the CLI loads imports a devDependency', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toContain('tsx');
    const dev = Object.keys(pkg.devDependencies);
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
    // src/graphql/codegen/ is loaded by `npm run codegen` only, never by the CLI.
    const runtime = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'bin'))].filter((file) => /\.(ts|js)$/.test(file) && !file.includes('/codegen/'));
    for (const file of runtime) {
      const text = readFileSync(file, 'utf8');
      for (const name of dev) expect(text, `${file} imports ${name}`).not.toMatch(new RegExp(`from '${name}(/[^']*)?'|import\\('${name}(/[^']*)?'\\)`));
    }
  });
});
