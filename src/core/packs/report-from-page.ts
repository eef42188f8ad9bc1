/**
 * A report record made from an analysed page, for "Save page to library": the page's
 * citation metadata (title, outlet, authors, date, URL, access date, language, section),
 * who it quotes and relays, its claims, and a fingerprint of its text (the text itself is
 * not kept). Pure.
 */
import { fnv1a, fingerprintText } from './fingerprint';
import { normalizeUrl } from '../match/features';
import { CLAIM_QUALIFIERS as QUALIFIERS, RELAY_KINDS, type Claim, type ClaimQualifier, type ClaimReviewRecord, type Relay, type RelayKind, type ReportRecord } from './types';

export interface SavablePage {
  url: string;
  title: string;
  byline: string | null;
  published: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  section: string | null;
  text: string;
  /** schema.org ClaimReviews the page carried. */
  claimReviews?: {
    claimReviewed: string; claimAuthor: string | null; appearance: string | null; ratingName: string | null;
    ratingValue: number | null; bestRating: number | null; worstRating: number | null;
    reviewer: string | null; datePublished: string | null; url: string | null;
  }[];
}

export interface SaveContext {
  /** The outlet's source id (a pack's, or the user's own `user-<host>`). */
  sourceId: string;
  /** Named people and outlets the page quotes (from its sourcing profile). */
  people?: string[];
  relays?: { sourceId: string | null; name: string; how: string }[];
  claims?: { subject: string; text: string; quantity: number | null; qualifier: string; attributedTo: string | null }[];
  tags?: string[];
  note?: string;
  /** Access date (ISO); defaults to now. */
  accessed?: string;
}

const SUMMARY_CHARS = 300;

/** The id a saved page gets: stable per URL, so saving again updates the same report. */
export function userReportId(url: string): string {
  const key = normalizeUrl(url) ?? url;
  return `user-${fnv1a(key).toString(16).padStart(8, '0')}${fnv1a(key, 0x9e3779b9).toString(16).padStart(8, '0')}`;
}

export function splitAuthors(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .replace(/^\s*(by|par|بقلم|كتب)\s*[:\-]?\s*/i, '')
    .split(/\s*(?:,|;|\band\b|\bet\b|\s&\s|،| و(?=\S))\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2 && s.length <= 120)
    .slice(0, 10);
}

function summaryOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= SUMMARY_CHARS) return t;
  const cut = t.slice(0, SUMMARY_CHARS);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('۔ '), cut.lastIndexOf(' '));
  return (end > 120 ? cut.slice(0, end + 1) : cut).trim() + '…';
}

export function reportFromPage(page: SavablePage, ctx: SaveContext): ReportRecord {
  const validUrl = (u: string | null) => (u && /^https?:\/\//i.test(u) ? u : undefined);
  const claims: Claim[] = (ctx.claims ?? []).slice(0, 50).map((c) => ({
    subject: c.subject.slice(0, 300) || c.text.slice(0, 100),
    text: c.text.slice(0, 2_000),
    ...(c.quantity !== null && Number.isFinite(c.quantity) ? { quantity: c.quantity } : {}),
    ...((QUALIFIERS as readonly string[]).includes(c.qualifier) ? { qualifier: c.qualifier as ClaimQualifier } : {}),
    ...(c.attributedTo ? { attributedTo: c.attributedTo.slice(0, 300) } : {}),
  }));
  const relays: Relay[] = (ctx.relays ?? [])
    .filter((r) => (RELAY_KINDS as readonly string[]).includes(r.how))
    .map((r) => ({ sourceId: r.sourceId, name: r.name, how: r.how as RelayKind }));
  const people = [...new Set((ctx.people ?? []).map((p) => p.trim()).filter((p) => p.length >= 3))].slice(0, 30);
  const date = (iso: string | null | undefined) => (iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso).toISOString().slice(0, 10) : undefined);
  const rec: ReportRecord = {
    id: userReportId(page.canonicalUrl && validUrl(page.canonicalUrl) ? page.canonicalUrl : page.url),
    title: page.title.trim().slice(0, 500) || page.url,
    sourceId: ctx.sourceId,
    lang: page.lang || 'und',
    summary: summaryOf(page.text) || page.title || page.url,
    tags: [...new Set(ctx.tags ?? [])],
    accessed: (ctx.accessed ?? new Date().toISOString()).slice(0, 10),
    fingerprint: fingerprintText(page.text, page.lang ?? undefined),
  };
  const url = validUrl(page.url);
  if (url) rec.url = url;
  const canonical = validUrl(page.canonicalUrl);
  if (canonical && canonical !== url) rec.canonicalUrl = canonical;
  const published = date(page.published);
  if (published) rec.published = published;
  const authors = splitAuthors(page.byline);
  if (authors.length) rec.authors = authors;
  if (page.section) rec.section = page.section.slice(0, 300);
  if (people.length) rec.entities = { people };
  if (claims.length) rec.claims = claims;
  if (relays.length) rec.relays = relays;
  if (ctx.note?.trim()) rec.note = ctx.note.trim();
  const reviews = (page.claimReviews ?? []).map(toClaimReviewRecord).filter((r): r is ClaimReviewRecord => r !== null).slice(0, 10);
  if (reviews.length) rec.claimReviews = reviews;
  return rec;
}

/** A page's ClaimReview as a report keeps it: nulls left out, URLs only when http(s). */
export function toClaimReviewRecord(r: NonNullable<SavablePage['claimReviews']>[number]): ClaimReviewRecord | null {
  const claim = r.claimReviewed.trim();
  if (!claim) return null;
  const out: ClaimReviewRecord = { claimReviewed: claim };
  const text = (k: 'claimAuthor' | 'appearance' | 'ratingName' | 'reviewer' | 'datePublished') => {
    const s = r[k]?.trim();
    if (s) out[k] = s;
  };
  text('claimAuthor');
  text('appearance');
  text('ratingName');
  text('reviewer');
  text('datePublished');
  for (const k of ['ratingValue', 'bestRating', 'worstRating'] as const) {
    const n = r[k];
    if (typeof n === 'number' && Number.isFinite(n)) out[k] = n;
  }
  if (r.url && /^https?:\/\//i.test(r.url)) out.url = r.url;
  return out;
}
