/**
 * The path (`payload.plan`, `duration_sec`) of the first object key that appears twice in one
 * object of a JSON text, or null. `JSON.parse` silently keeps the last of two equal keys, so a
 * line such as `{"duration_sec": 60, "duration_sec": "x"}` would load as whatever came last;
 * DESIGN 2.3 refuses it. No JSON library in the dependencies reports duplicates, and bson's
 * EJSON parses with `JSON.parse`, hence this scan. Call it on text `JSON.parse` accepted: it
 * tracks only strings and brackets and trusts the rest of the syntax.
 */
export function findDuplicateKey(text: string): string | null {
  const frames: Frame[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // The closing quote is the next one not escaped by an odd run of backslashes.
      let j = text.indexOf('"', i + 1);
      while (j !== -1 && text.charCodeAt(j - 1) === BACKSLASH) {
        let run = 1;
        while (text.charCodeAt(j - 1 - run) === BACKSLASH) run += 1;
        if (run % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      if (j === -1) return null;
      const top = frames[frames.length - 1];
      if (top !== undefined && top.keys !== null && top.expectKey) {
        const raw = text.slice(i + 1, j);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        // Objects in call documents are small: a list beats a Set's allocation.
        if (top.keys.includes(key)) return pathOf([...frames.slice(1).map((frame) => frame.name), key]);
        top.keys.push(key);
        top.current = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const parent = frames[frames.length - 1];
      const name = parent === undefined ? '' : parent.keys !== null ? parent.current : `[${parent.index}]`;
      frames.push({ keys: c === OPEN_BRACE ? [] : null, expectKey: true, current: '', index: 0, name });
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      frames.pop();
    } else if (c === COMMA) {
      const top = frames[frames.length - 1];
      if (top !== undefined) {
        top.expectKey = true;
        top.index += 1;
      }
    }
  }
  return null;
}

/** `["transfers", "[0]", "at"]` → `transfers[0].at`. */
function pathOf(parts: readonly string[]): string {
  let path = '';
  for (const part of parts) path += part.startsWith('[') || path === '' ? part : `.${part}`;
  return path;
}

interface Frame {
  /** Keys seen so far (objects); null for arrays. */
  keys: string[] | null;
  expectKey: boolean;
  current: string;
  index: number;
  /** How the parent reaches this value: its key, or `[i]`. */
  name: string;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
