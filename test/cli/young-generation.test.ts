import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The gateway runs with a 16 MB young generation (README, "Decisions"): every way of starting
 * it names the same V8 flag, and the flag does what the README says on this Node.
 */
const FLAG = '--min-semi-space-size=16';
const root = new URL('../../', import.meta.url);
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };

describe('young generation of the gateway process', () => {
  it('is set by the bin shebang, `npm start` and `npm run bench` alike', () => {
    const shebang = readFileSync(new URL('bin/dialgraph.js', root), 'utf8').split('\n')[0];
    expect(shebang).toBe(`#!/usr/bin/env -S node ${FLAG}`);
    expect(packageJson.scripts.start).toMatch(new RegExp(`^node ${FLAG} bin/dialgraph\\.js serve$`));
    expect(packageJson.scripts.bench).toContain(`node ${FLAG} `);
  });

  it('gives V8 a 16 MB new space from the start (Node 20 starts at 1 MB without it)', () => {
    const newSpaceBytes = (flags: string[]) =>
      Number(
        execFileSync(process.execPath, [...flags, '-e', "console.log(require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size)"], {
          encoding: 'utf8',
        }),
      );
    expect(newSpaceBytes([FLAG])).toBeGreaterThanOrEqual(16 * 1024 * 1024);
  });
});
