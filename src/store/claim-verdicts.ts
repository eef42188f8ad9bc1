/**
 * The user's verdicts on claims of stored reports (for the ClaimReview export,
 * src/core/export/claim-review.ts), kept in the existing `settings` table — no new schema
 * version: one row per report, key `claim-verdicts:<reportId>`, value `ClaimVerdict[]`;
 * and the last reviewer details used, key `claim-review:reviewer`. A verdict records the
 * claim's text, so a verdict on a claim that changed when the page was saved again is
 * listed as such and not exported. Removing a report leaves its verdicts row unused (it is
 * read only through the report).
 */
import { claimReviewText, toClaimReviews, type ClaimSource, type ClaimVerdict, type Reviewer } from '../core/export/claim-review';
import type { ProvenanceDB, StoredReport } from './db';

export const VERDICTS_KEY = (reportId: string) => `claim-verdicts:${reportId}`;
export const REVIEWER_KEY = 'claim-review:reviewer';

export interface ReviewerDefaults extends Reviewer {
  reviewUrl?: string;
}

export interface VerdictInput {
  claimIndex: number;
  rating: string;
  ratingValue: number;
  notes?: string;
  /** Remove the verdict instead. */
  clear?: boolean;
}

function isVerdict(v: unknown): v is ClaimVerdict {
  const o = v as ClaimVerdict;
  return !!o && typeof o === 'object' && Number.isInteger(o.claimIndex) && typeof o.claimText === 'string' && typeof o.rating === 'string' && typeof o.ratingValue === 'number' && typeof o.updatedAt === 'number';
}

export async function getVerdicts(db: ProvenanceDB, reportId: string): Promise<ClaimVerdict[]> {
  const row = await db.settings.get(VERDICTS_KEY(reportId));
  return Array.isArray(row?.value) ? row.value.filter(isVerdict) : [];
}

export async function getReviewer(db: ProvenanceDB): Promise<ReviewerDefaults | null> {
  const v = (await db.settings.get(REVIEWER_KEY))?.value as ReviewerDefaults | undefined;
  return v && typeof v === 'object' && typeof v.name === 'string' ? v : null;
}

async function reportOf(db: ProvenanceDB, reportId: string): Promise<StoredReport> {
  const r = await db.reports.get(reportId);
  if (!r) throw new Error(`no report "${reportId}" in the library`);
  return r;
}

/** Set (or clear) the verdict on one claim; returns the report's verdicts. */
export async function setVerdict(db: ProvenanceDB, reportId: string, input: VerdictInput, now = Date.now()): Promise<ClaimVerdict[]> {
  return db.transaction('rw', [db.reports, db.settings], async () => {
    const r = await reportOf(db, reportId);
    const claim = r.record.claims?.[input.claimIndex];
    if (!claim) throw new Error(`the report has no claim ${input.claimIndex + 1}`);
    const rest = (await getVerdicts(db, reportId)).filter((v) => v.claimIndex !== input.claimIndex);
    if (!input.clear) {
      const v: ClaimVerdict = { claimIndex: input.claimIndex, claimText: claim.text, rating: input.rating.trim(), ratingValue: input.ratingValue, updatedAt: now };
      if (input.notes?.trim()) v.notes = input.notes.trim();
      rest.push(v);
    }
    rest.sort((a, b) => a.claimIndex - b.claimIndex);
    await db.settings.put({ key: VERDICTS_KEY(reportId), value: rest });
    return rest;
  });
}

export interface ClaimReviewRequest {
  reportId: string;
  /** The claims to export (their verdicts); all claims with a verdict when empty. */
  claimIndexes: number[];
  reviewer: Reviewer;
  reviewUrl: string;
}

export interface ClaimReviewFile {
  name: string;
  type: string;
  data: string;
  exported: number;
  skipped: { claimIndex: number; reasons: string[] }[];
}

/** The ClaimReview JSON-LD file of a report's chosen verdicts; remembers the reviewer details. */
export async function exportClaimReviews(db: ProvenanceDB, req: ClaimReviewRequest, now = new Date()): Promise<ClaimReviewFile> {
  const r = await reportOf(db, req.reportId);
  const rec = r.record;
  const outlet = (await db.sources.get(rec.sourceId))?.name ?? rec.sourceId;
  const url = rec.url ?? rec.canonicalUrl;
  if (!url) throw new Error('the report has no web address');
  const source: ClaimSource = { reportId: rec.id, title: rec.title, url, outlet, savedAt: rec.accessed ?? r.addedAt };
  if (rec.canonicalUrl) source.canonicalUrl = rec.canonicalUrl;
  if (rec.published) source.published = rec.published;
  if (rec.authors?.length) source.authors = rec.authors;
  if (rec.lang) source.lang = rec.lang;
  const wanted = new Set(req.claimIndexes);
  const verdicts = (await getVerdicts(db, req.reportId)).filter((v) => !wanted.size || wanted.has(v.claimIndex));
  const missing = [...wanted].filter((i) => !verdicts.some((v) => v.claimIndex === i)).map((claimIndex) => ({ claimIndex, reasons: ['no verdict given for this claim'] }));
  const out = toClaimReviews([{ source, claims: rec.claims ?? [], verdicts }], { reviewer: req.reviewer, reviewUrl: req.reviewUrl });
  await db.settings.put({ key: REVIEWER_KEY, value: { ...req.reviewer, reviewUrl: req.reviewUrl } satisfies ReviewerDefaults });
  return {
    name: `claimreview-${rec.id.replace(/[^\w.-]+/g, '-').slice(0, 60)}-${now.toISOString().slice(0, 10)}.jsonld`,
    type: 'application/ld+json',
    data: claimReviewText(out.reviews),
    exported: out.reviews.length,
    skipped: [...out.skipped.map(({ claimIndex, reasons }) => ({ claimIndex, reasons })), ...missing],
  };
}
