/** A progress display for long CLI jobs; `update` takes the absolute count done so far. */
export interface ProgressBar {
  update(done: number): void;
  /** Completes the display (a final 100 % and a newline on a terminal). */
  finish(): void;
}

export interface ProgressBarOptions {
  total: number;
  /** Shown after the counts, e.g. `calls inserted`. */
  label: string;
  /** Append the rate and elapsed time, e.g. `(9,481/s, 1.9 s)`. */
  showRate?: boolean;
  /** Default `process.stderr`, so stdout stays clean for data. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
}

const WIDTH = 30;
// Redrawing on every batch would flood slow terminals; 10 frames a second look continuous.
const REDRAW_EVERY_MS = 100;

/**
 * A tiny progress bar. On a terminal it redraws one line in place; elsewhere (CI logs, files)
 * it prints a plain line each time another 10 % is done, so logs stay short and readable.
 */
export function createProgressBar(options: ProgressBarOptions): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const total = Math.max(0, options.total);
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let lastTenth = 0;
  let done = 0;
  let finished = false;
  const started = Date.now();

  const line = (count: number): string => {
    const ratio = total === 0 ? 1 : Math.min(1, count / total);
    const filled = Math.round(ratio * WIDTH);
    const percent = String(Math.floor(ratio * 100)).padStart(3);
    const seconds = (Date.now() - started) / 1000;
    const rate = options.showRate && seconds > 0.05 ? ` (${Math.round(count / seconds).toLocaleString('en-US')}/s, ${seconds.toFixed(1)} s)` : '';
    return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${percent}% ${count.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${options.label}${rate}`;
  };

  return {
    update(count) {
      if (finished) return;
      done = Math.min(Math.max(count, 0), total);
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < REDRAW_EVERY_MS && done < total) return;
        lastDraw = now;
        stream.write(`\r${line(done)}`);
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${line(done)}\n`);
      }
    },
    finish() {
      if (finished) return;
      finished = true;
      if (tty) stream.write(`\r${line(done)}\n`);
      else if (lastTenth < 10) stream.write(`${line(done)}\n`);
    },
  };
}
