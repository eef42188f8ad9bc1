/**
 * The progress bar of long CLI runs, on standard error when it is a terminal (nothing when
 * piped or with --quiet): done / total, rate, failures; redrawn at most ten times a second.
 */
export interface Progress {
  tick(failed: boolean): void;
  finish(): void;
}

export function progressBar(total: number | null, stream: NodeJS.WriteStream = process.stderr, enabled = !!stream.isTTY): Progress {
  if (!enabled) return { tick() {}, finish() {} };
  const t0 = Date.now();
  let done = 0;
  let failed = 0;
  let last = 0;
  const draw = () => {
    const secs = (Date.now() - t0) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const width = 30;
    const bar = total ? '#'.repeat(Math.round((width * done) / Math.max(1, total))).padEnd(width, '.') : '';
    const count = total ? `${done}/${total}` : `${done}`;
    stream.write(`\r${bar ? `[${bar}] ` : ''}${count} ${rate.toFixed(0)} pages/s${failed ? `, ${failed} failed` : ''}\x1b[K`);
  };
  return {
    tick(f) {
      done++;
      if (f) failed++;
      const now = Date.now();
      if (now - last >= 100) {
        last = now;
        draw();
      }
    },
    finish() {
      draw();
      stream.write('\n');
    },
  };
}
