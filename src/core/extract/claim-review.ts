/**
 * schema.org ClaimReview on a page (fact-check articles): from JSON-LD (top level, arrays,
 * @graph, nested under an article's `review`/`mainEntity`) and from microdata
 * (itemtype=https://schema.org/ClaimReview). Pure, never throws; every string is tidied and
 * capped (CLAIM_REVIEW_LIMITS), at most CLAIM_REVIEW_LIMITS.reviews reviews per page.
 */
import { CLAIM_REVIEW_LIMITS } from '../model/report';
import { parseJsonLdText } from './jsonld';
import { decodeEntities, tidy } from './strings';

export interface ClaimReviewData {
  /** The claim as the fact-checker words it. */
  claimReviewed: string;
  /** Who made the claim (itemReviewed → Claim → author). */
  claimAuthor: string | null;
  /** Where the claim appeared (appearance / firstAppearance: a URL or a work's name). */
  appearance: string | null;
  /** The verdict's words ("False", "Misleading"). */
  ratingName: string | null;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  /** The reviewing organisation (or person). */
  reviewer: string | null;
  datePublished: string | null;
  /** The fact-check's own address. */
  url: string | null;
}

export { CLAIM_REVIEW_LIMITS };

type Obj = Record<string, unknown>;
const MAX_NODES = 500;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(o: Obj): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, '').toLowerCase());
}

function cap(s: string | null, max: number): string | null {
  if (!s) return null;
  return s.length > max ? s.slice(0, max) : s;
}

function str(v: unknown, depth = 0): string | null {
  if (depth > 4) return null;
  if (typeof v === 'string') return tidy(decodeEntities(v)) || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x, depth + 1);
      if (s) return s;
    }
    return null;
  }
  if (isObj(v)) {
    if ('@value' in v) return str(v['@value'], depth + 1);
    if ('name' in v) return str(v.name, depth + 1);
  }
  return null;
}

function num(v: unknown): number | null {
  const s = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : isObj(v) && '@value' in v ? num(v['@value']) : NaN;
  return typeof s === 'number' && Number.isFinite(s) && Math.abs(s) < 1e6 ? s : null;
}

/** A URL or a name for an appearance (CreativeWork with url/name, or a bare string). */
function appearanceOf(v: unknown): string | null {
  const first = Array.isArray(v) ? v[0] : v;
  if (isObj(first)) return str(first.url) ?? str(first['@id']) ?? str(first.name) ?? str(first.headline);
  return str(first);
}

/** One ClaimReview node → data, or null when it has no claim text. */
export function claimReviewFromNode(o: Obj): ClaimReviewData | null {
  const item = isObj(o.itemReviewed) ? o.itemReviewed : Array.isArray(o.itemReviewed) && isObj(o.itemReviewed[0]) ? (o.itemReviewed[0] as Obj) : null;
  const claimText = str(o.claimReviewed) ?? (item ? str(item.text) ?? str(item.name) : null);
  if (!claimText) return null;
  const rating = isObj(o.reviewRating) ? o.reviewRating : Array.isArray(o.reviewRating) && isObj(o.reviewRating[0]) ? (o.reviewRating[0] as Obj) : {};
  const L = CLAIM_REVIEW_LIMITS;
  const author = item ? str(item.author) : null;
  const appearance = item ? appearanceOf(item.firstAppearance) ?? appearanceOf(item.appearance) : null;
  return {
    claimReviewed: cap(claimText, L.claimReviewed)!,
    claimAuthor: cap(author, L.claimAuthor),
    appearance: cap(appearance, L.appearance),
    ratingName: cap(str(rating.alternateName) ?? str(rating.name), L.ratingName),
    ratingValue: num(rating.ratingValue),
    bestRating: num(rating.bestRating),
    worstRating: num(rating.worstRating),
    reviewer: cap(str(o.author), L.reviewer),
    datePublished: cap(str(o.datePublished), L.datePublished),
    url: cap(str(o.url), L.url),
  };
}

/** Every ClaimReview node in parsed JSON-LD values (arrays, @graph, nested objects), bounded. */
export function claimReviewsFromJsonLd(values: unknown[]): ClaimReviewData[] {
  const out: ClaimReviewData[] = [];
  const stack: unknown[] = [...values].reverse();
  let seen = 0;
  while (stack.length && seen++ < MAX_NODES && out.length < CLAIM_REVIEW_LIMITS.reviews) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    if (!isObj(v)) continue;
    if (typesOf(v).includes('claimreview')) {
      const r = claimReviewFromNode(v);
      if (r) out.push(r);
      continue;
    }
    for (const key of ['@graph', 'review', 'mainEntity', 'hasPart', 'about']) if (key in v) stack.push(v[key]);
  }
  return out;
}

// ---- Microdata ----

function propValue(el: Element): string {
  const tag = el.tagName.toLowerCase();
  if (tag === 'meta') return el.getAttribute('content') ?? '';
  if (tag === 'a' || tag === 'link') return el.getAttribute('href') ?? '';
  if (tag === 'time') return el.getAttribute('datetime') ?? el.textContent ?? '';
  return el.getAttribute('content') ?? el.textContent ?? '';
}

/** A microdata item as a JSON-LD-like object (nested itemscopes become objects). */
function itemToObj(scope: Element, depth = 0): Obj {
  const o: Obj = { '@type': scope.getAttribute('itemtype') ?? '' };
  if (depth > 4) return o;
  const props = Array.from(scope.querySelectorAll('[itemprop]')).filter((el) => el.parentElement?.closest('[itemscope]') === scope);
  for (const el of props.slice(0, 100)) {
    const names = (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean);
    const value: unknown = el.hasAttribute('itemscope') ? itemToObj(el, depth + 1) : propValue(el);
    for (const n of names) if (!(n in o)) o[n] = value;
  }
  return o;
}

/** ClaimReviews of a document: JSON-LD first, then microdata. Never throws. */
export function extractClaimReviews(doc: Document): ClaimReviewData[] {
  try {
    const out: ClaimReviewData[] = [];
    const scripts = Array.from(doc.querySelectorAll('script[type]')).filter((s) => /ld\+json/i.test(s.getAttribute('type') ?? '')).slice(0, 50);
    for (const s of scripts) out.push(...claimReviewsFromJsonLd(parseJsonLdText(s.textContent ?? '')));
    const items = Array.from(doc.querySelectorAll('[itemscope][itemtype]')).filter((el) => /schema\.org\/ClaimReview$/i.test((el.getAttribute('itemtype') ?? '').trim()));
    for (const el of items.slice(0, CLAIM_REVIEW_LIMITS.reviews)) {
      const r = claimReviewFromNode(itemToObj(el));
      if (r) out.push(r);
    }
    const seen = new Set<string>();
    return out.filter((r) => {
      const k = `${r.claimReviewed}|${r.reviewer ?? ''}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }).slice(0, CLAIM_REVIEW_LIMITS.reviews);
  } catch {
    return [];
  }
}

/** "False (1 of 5)", "Misleading", "2 of 5", or null. */
export function ratingLabel(r: Pick<ClaimReviewData, 'ratingName' | 'ratingValue' | 'bestRating' | 'worstRating'>): string | null {
  const scale = r.ratingValue !== null ? (r.bestRating !== null ? `${r.ratingValue} of ${r.bestRating}` : String(r.ratingValue)) : null;
  if (r.ratingName && scale) return `${r.ratingName} (${scale})`;
  return r.ratingName ?? scale;
}
