/**
 * Builds strings character by character and materializes them with one `String.fromCharCode`
 * call. Concatenating the same pieces with `+` leaves V8 cons-string trees that cost about
 * three times the memory of a flat string; with a million resident sample calls each carrying
 * several unique ids, that difference is hundreds of megabytes.
 */
export class FlatStringBuilder {
  private readonly codes: number[] = [];
  private length = 0;
  /**
   * One argument array per string length, reused: resizing a single array for ids of
   * different lengths would allocate a new backing store on almost every call.
   */
  private readonly byLength: number[][] = [];

  /** Starts a new string. */
  reset(): this {
    this.length = 0;
    return this;
  }

  /** Appends literal text. */
  text(value: string): this {
    for (let i = 0; i < value.length; i++) this.codes[this.length++] = value.charCodeAt(i);
    return this;
  }

  /** Appends a non-negative integer in lower-case hex, zero-padded to exactly `width` digits. */
  hex(value: number, width: number): this {
    let rest = Math.floor(value);
    let i = this.length + width - 1;
    // Integer ops while the value fits 32 bits (ids and times always do); division beyond.
    for (; i >= this.length && rest > 0xffffffff; i--) {
      this.codes[i] = HEX_CODES[rest % 16];
      rest = Math.floor(rest / 16);
    }
    for (; i >= this.length; i--) {
      this.codes[i] = HEX_CODES[rest & 15];
      rest >>>= 4;
    }
    this.length += width;
    return this;
  }

  /** Appends a non-negative integer in decimal, zero-padded to exactly `width` digits. */
  decimal(value: number, width: number): this {
    let rest = Math.floor(value);
    for (let i = this.length + width - 1; i >= this.length; i--) {
      const next = Math.floor(rest / 10);
      this.codes[i] = 48 + rest - next * 10;
      rest = next;
    }
    this.length += width;
    return this;
  }

  /** The flat string built since the last `reset`. */
  build(): string {
    const { length, codes } = this;
    let args = this.byLength[length];
    if (args === undefined) {
      args = new Array<number>(length).fill(0);
      this.byLength[length] = args;
    }
    for (let i = 0; i < length; i++) args[i] = codes[i];
    return String.fromCharCode.apply(null, args);
  }
}

const HEX_CODES = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
