/**
 * Date normalisation for page metadata. Output is ISO 8601:
 *  - date only → "YYYY-MM-DD"
 *  - date-time with a zone → "YYYY-MM-DDTHH:MM:SS" + "Z" or "±HH:MM" (the page's own offset kept)
 *  - date-time without a zone → "YYYY-MM-DDTHH:MM:SS" (local time as written)
 * Anything that cannot be read as a plausible date gives null.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, janv: 1, janvier: 1,
  feb: 2, february: 2, fev: 2, fevr: 2, fevrier: 2,
  mar: 3, march: 3, mars: 3,
  apr: 4, april: 4, avr: 4, avril: 4,
  may: 5, mai: 5,
  jun: 6, june: 6, juin: 6,
  jul: 7, july: 7, juil: 7, juillet: 7,
  aug: 8, august: 8, aout: 8,
  sep: 9, sept: 9, september: 9, septembre: 9,
  oct: 10, october: 10, octobre: 10,
  nov: 11, november: 11, novembre: 11,
  dec: 12, december: 12, decembre: 12,
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validYmd(y: number, m: number, d: number): boolean {
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function ymd(y: number, m: number, d: number): string | null {
  return validYmd(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
}

const ISO_RE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function monthNumber(word: string): number | undefined {
  const w = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\.$/, '');
  return MONTHS[w];
}

/** Normalise a date string from metadata (or a `<time datetime>`) to ISO 8601, or null. */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  let s = String(raw).trim();
  if (!s || s.length > 80) return null;

  // Unix timestamps (seconds or milliseconds).
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    if (!Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2100) {
      return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    return null;
  }

  const m = ISO_RE.exec(s);
  if (m) {
    const [, ys, ms, ds, hh, mi, ss, tz] = m;
    const date = ymd(+ys, +ms, +ds);
    if (!date) return null;
    if (hh === undefined) return date;
    const h = +hh;
    const min = +mi;
    const sec = ss === undefined ? 0 : +ss;
    if (h > 23 || min > 59 || sec > 60) return date;
    let out = `${date}T${pad(h)}:${pad(min)}:${pad(Math.min(sec, 59))}`;
    if (tz) {
      const t = tz.toUpperCase();
      if (t === 'Z' || t === 'UTC' || t === 'GMT') out += 'Z';
      else {
        const digits = t.replace(/[^0-9]/g, '');
        const oh = digits.slice(0, 2);
        const om = digits.slice(2, 4) || '00';
        out += `${t[0]}${oh}:${om}`;
      }
    }
    return out;
  }

  s = s.replace(/\s+/g, ' ');
  // 2019/04/28, 2019.04.28
  let r = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(s);
  if (r) return ymd(+r[1], +r[2], +r[3]);
  // 28/04/2019, 28.04.2019 (day first, as in most of the world; US-style only when unambiguous)
  r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(s);
  if (r) {
    const a = +r[1];
    const b = +r[2];
    if (b > 12 && a <= 12) return ymd(+r[3], a, b);
    return ymd(+r[3], b, a);
  }
  // Optional weekday, then "April 28, 2019" / "Apr. 28 2019"
  const noWeekday = s.replace(/^[A-Za-zÀ-ÿ]+\.?,?\s+(?=[A-Za-zÀ-ÿ]+\.?\s+\d)/, '');
  r = /^([A-Za-zÀ-ÿ]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(noWeekday);
  if (r) {
    const mo = monthNumber(r[1]);
    if (mo) return ymd(+r[3], mo, +r[2]);
  }
  // "28 April 2019", "28 avril 2019", "Mon, 28 Apr 2019 10:00:00 GMT", "1er mai 2019"
  r = /(?:^|[\s,])(\d{1,2})(?:er|st|nd|rd|th)?\.?\s+([A-Za-zÀ-ÿ]+)\.?,?\s+(\d{4})\b/.exec(s);
  if (r) {
    const mo = monthNumber(r[2]);
    if (mo) {
      const date = ymd(+r[3], mo, +r[1]);
      // RFC 2822 with a time and zone: keep the time
      const t = /\b(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z|[+-]\d{4})\b/i.exec(s.slice(r.index));
      if (date && t) {
        const tz = /^[+-]/.test(t[4]) ? `${t[4].slice(0, 3)}:${t[4].slice(3)}` : 'Z';
        return `${date}T${t[1]}:${t[2]}:${t[3] ?? '00'}${tz}`;
      }
      return date;
    }
  }
  return null;
}
