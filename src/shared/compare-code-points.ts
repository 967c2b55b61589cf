/**
 * MongoDB's string order: binary UTF-8, which is code-point order. JavaScript's `<` compares
 * UTF-16 code units, which puts astral characters (surrogate pairs) before U+E000–U+FFFF; the
 * fix-up below moves surrogates above that block. (mingo uses code-unit order here.) Shared by
 * the compiled executor and by the analytics steps that order rows after a pipeline, so both
 * order strings as MongoDB does.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return codePointOrder(x) < codePointOrder(y) ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

function codePointOrder(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}
