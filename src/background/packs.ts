/**
 * Report packs in the worker: import from text (a file the options page read), and
 * subscriptions by URL — fetched with ETag / Last-Modified, size-capped while streaming,
 * optionally checked against a SHA-256, validated, then applied in one transaction.
 * Any failure leaves the store as it was and is recorded on the subscription in plain words.
 */
import {
  DEFAULT_UPDATE_INTERVAL_HOURS,
  MAX_PACK_BYTES,
  MIN_UPDATE_INTERVAL_HOURS,
  parsePackText,
  tooLargeMessage,
  type Problem,
} from '../core/packs';
import type { ProvenanceDB, StoredSubscription } from '../store/db';
import { importPack, type ImportResult } from '../store/import-pack';

export type PackOutcome =
  | ({ ok: true; packId: string; packName: string; warnings: Problem[] } & ImportResult)
  | { ok: false; error: string; problems: Problem[] };

const MAX_SHOWN_PROBLEMS = 50;

/** Validate and apply a pack given as JSON text. */
export async function importPackText(db: ProvenanceDB, text: string): Promise<PackOutcome> {
  const t0 = performance.now();
  const v = parsePackText(text);
  const parseMs = Math.round(performance.now() - t0);
  if (!v.ok) {
    const first = v.problems[0];
    const more = v.problems.length > 1 ? ` (and ${v.problems.length - 1} more problem${v.problems.length > 2 ? 's' : ''})` : '';
    return { ok: false, error: `The pack was not imported: ${first ? `${first.path}: ${first.message}` : 'invalid'}${more}.`, problems: v.problems.slice(0, MAX_SHOWN_PROBLEMS) };
  }
  try {
    const r = await importPack(db, v.pack);
    return { ok: true, packId: v.pack.id, packName: v.pack.name, warnings: v.warnings.slice(0, MAX_SHOWN_PROBLEMS), ...r, timings: { parseMs, ...r.timings! } };
  } catch (e) {
    return { ok: false, error: `The pack was not imported: ${describeError(e)}`, problems: [] };
  }
}

function describeError(e: unknown): string {
  const name = (e as { name?: string })?.name;
  if (name === 'QuotaExceededError' || /quota/i.test(String((e as Error)?.message))) {
    return 'the browser refused to store it (storage quota exceeded). Free some space or remove another pack; nothing was changed.';
  }
  return e instanceof Error ? e.message : String(e);
}

export interface FetchOptions {
  etag?: string;
  lastModified?: string;
  timeoutMs: number;
  maxBytes?: number;
}

export type FetchResult =
  | { status: 'unchanged' }
  | { status: 'fetched'; bytes: Uint8Array; etag?: string; lastModified?: string };

/** Fetch a pack: conditional request, time limit, byte cap enforced while streaming. */
export async function fetchPack(url: string, opts: FetchOptions): Promise<FetchResult> {
  const maxBytes = opts.maxBytes ?? MAX_PACK_BYTES;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), opts.timeoutMs);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    let res: Response;
    try {
      res = await fetch(url, { headers, signal: ctrl.signal, credentials: 'omit', cache: 'no-store', redirect: 'follow' });
    } catch (e) {
      if (ctrl.signal.aborted) throw new Error(`no answer from the server within ${Math.round(opts.timeoutMs / 1000)} s`);
      throw new Error(`could not reach the server (${e instanceof Error ? e.message : String(e)})`);
    }
    if (res.status === 304) return { status: 'unchanged' };
    if (!res.ok) throw new Error(`the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) throw new Error(tooLargeMessage(declared, maxBytes));
    const reader = res.body?.getReader();
    if (!reader) throw new Error('the server sent no body');
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch {
        if (ctrl.signal.aborted) throw new Error(`the download stopped: no data within ${Math.round(opts.timeoutMs / 1000)} s`);
        throw new Error('the download was cut off before the end of the file');
      }
      if (step.done) break;
      total += step.value.byteLength;
      if (total > maxBytes) {
        ctrl.abort();
        throw new Error(tooLargeMessage(total, maxBytes, true));
      }
      chunks.push(step.value);
    }
    if (Number.isFinite(declared) && declared > 0 && total !== declared) {
      throw new Error(`the download was cut off: ${total} of ${declared} bytes arrived`);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { status: 'fetched', bytes, etag: res.headers.get('etag') ?? undefined, lastModified: res.headers.get('last-modified') ?? undefined };
  } finally {
    clearTimeout(timer);
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Next check after `failures` consecutive failures: 15 min, 30 min, 1 h … capped at the interval. */
export function backoffMs(failures: number, intervalHours: number): number {
  const interval = intervalHours * 3_600_000;
  if (failures <= 0) return interval;
  return Math.min(interval, 15 * 60_000 * 2 ** (failures - 1));
}

export function normalizeSubscriptionUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new Error('That is not a web address.');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('Only http and https addresses can be subscribed to.');
  u.hash = '';
  return u.toString();
}

const FETCH_TIMEOUT_KEY = 'fetchTimeoutMs';
const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

async function fetchTimeout(db: ProvenanceDB): Promise<number> {
  const v = (await db.settings.get(FETCH_TIMEOUT_KEY))?.value;
  return typeof v === 'number' && v > 0 ? v : DEFAULT_FETCH_TIMEOUT_MS;
}

export async function subscribe(db: ProvenanceDB, rawUrl: string, sha256?: string): Promise<StoredSubscription> {
  const url = normalizeSubscriptionUrl(rawUrl);
  const hash = sha256?.trim().toLowerCase() || undefined;
  if (hash && !/^[0-9a-f]{64}$/.test(hash)) throw new Error('The SHA-256 must be 64 hexadecimal characters.');
  const now = Date.now();
  const sub: StoredSubscription = {
    url, sha256: hash, intervalHours: DEFAULT_UPDATE_INTERVAL_HOURS, addedAt: now, failures: 0, nextCheck: now,
  };
  const prev = await db.subscriptions.get(url);
  await db.subscriptions.put(prev ? { ...prev, sha256: hash, nextCheck: now } : sub);
  return checkSubscription(db, url);
}

/** Fetch one subscription now and apply it; the subscription row records the outcome. */
export async function checkSubscription(db: ProvenanceDB, url: string): Promise<StoredSubscription> {
  const sub = await db.subscriptions.get(url);
  if (!sub) throw new Error('No such subscription.');
  const now = Date.now();
  let update: Partial<StoredSubscription>;
  try {
    const got = await fetchPack(url, { etag: sub.etag, lastModified: sub.lastModified, timeoutMs: await fetchTimeout(db) });
    if (got.status === 'unchanged') {
      update = { lastResult: 'unchanged', lastError: undefined, failures: 0 };
    } else {
      if (sub.sha256) {
        const h = await sha256Hex(got.bytes);
        if (h !== sub.sha256) throw new Error(`the file's SHA-256 (${h.slice(0, 12)}…) is not the one given with the subscription (${sub.sha256.slice(0, 12)}…)`);
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(got.bytes);
      } catch {
        throw new Error('the file is not UTF-8 text');
      }
      const out = await importPackText(db, text);
      if (!out.ok) throw new Error(out.error.replace(/^The pack was not imported: /, ''));
      const interval = Math.max(MIN_UPDATE_INTERVAL_HOURS, (await db.packs.get(out.packId))?.extra?.updateInterval as number || DEFAULT_UPDATE_INTERVAL_HOURS);
      update = {
        packId: out.packId, etag: got.etag, lastModified: got.lastModified, lastUpdated: now, intervalHours: interval,
        lastResult: out.status === 'imported' ? `updated: ${out.reports} reports, ${out.sources} outlets` : 'unchanged',
        lastError: undefined, failures: 0,
      };
    }
  } catch (e) {
    const failures = sub.failures + 1;
    update = { lastError: e instanceof Error ? e.message : String(e), lastResult: 'failed', failures };
  }
  const merged: StoredSubscription = { ...sub, ...update, lastChecked: now };
  merged.nextCheck = now + backoffMs(merged.failures, merged.intervalHours);
  await db.subscriptions.put(merged);
  return merged;
}

/** Check every subscription whose time has come (run from the alarm). */
export async function checkDue(db: ProvenanceDB, now = Date.now()): Promise<number> {
  const due = await db.subscriptions.where('nextCheck').belowOrEqual(now).toArray();
  for (const s of due) await checkSubscription(db, s.url);
  return due.length;
}

export async function unsubscribe(db: ProvenanceDB, url: string): Promise<void> {
  await db.subscriptions.delete(url);
}
