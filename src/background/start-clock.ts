/**
 * When this worker started and what its start cost, for the first `match/related` answer's
 * timings (a restarted worker's start is part of a cold lookup). Imported first by the
 * worker's entry module, so `evalStart` is taken before any other module is evaluated.
 * Times are ms since the worker's time origin (its start).
 */
export const startClock = {
  /** The worker's script starting to evaluate (after it was fetched and compiled). */
  evalStart: performance.now(),
  /** The entry module evaluated (listeners registered). */
  evalEnd: 0,
  /** The first message received. */
  firstMessage: 0,
  /** The latest message received. */
  lastMessage: 0,
  /** The store connection opened. */
  opened: 0,
  /** Whether a lookup already reported these (only the first one does). */
  reported: false,
};

/** The start's steps (ms), once per worker: for the first lookup's timings. */
export function startSteps(): Record<string, number> | null {
  if (startClock.reported) return null;
  startClock.reported = true;
  const r = (x: number) => Math.round(x * 10) / 10;
  const c = startClock;
  return {
    'start.script': r(c.evalStart),
    'start.eval': r(c.evalEnd - c.evalStart),
    'start.toMessage': r(c.firstMessage - c.evalEnd),
    'start.opened': c.opened ? r(c.opened) : -1,
    'start.answer': r(performance.now()),
  };
}
