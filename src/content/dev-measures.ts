/**
 * The content script's timings, put on the page's performance timeline only when the
 * developer switch `dev:measures` is on (shared/dev-flags.ts; the tests and benchmarks set
 * it). A page's own scripts read that timeline: with the switch off (every user), nothing
 * named after us appears there. The switch comes with the boot script's one storage read; timings
 * taken before the answer wait for it (a handful of numbers), then are recorded or dropped.
 */
import { DEV_MEASURES_KEY } from '../shared/dev-flags';

interface Timing { name: string; start: number; end: number }

let enabled: boolean | null = null;
let pending: Timing[] = [];

function record(t: Timing): void {
  try {
    performance.measure(t.name, { start: t.start, end: t.end });
  } catch {
    /* old browsers */
  }
}

/**
 * Take the switch from the boot script's one storage.local read at load (index.ts; the answer
 * comes long before the first pass runs).
 */
export function readDevMeasures(stored: Promise<Record<string, unknown>>): void {
  stored
    .then((got) => got[DEV_MEASURES_KEY] === true)
    .catch(() => false)
    .then((on) => {
      enabled = on;
      if (on) pending.forEach(record);
      pending = [];
    });
}

/** Record a timing from `start` to `end` (performance.now() values) under `name`, if the switch is on. */
export function devMeasure(name: string, start: number, end = performance.now()): void {
  if (enabled === false) return;
  const t = { name, start, end };
  if (enabled) record(t);
  else pending.push(t);
}
