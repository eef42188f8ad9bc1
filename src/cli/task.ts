/**
 * One task of the CLI pool, the same in a worker thread and inline: `analyze` gives the
 * record `provenance analyze` prints; `report` also gives the page as a pack report
 * (citation metadata, sourcing, claims, fingerprint; text only when asked for).
 */
import { reportFromPage } from '../core/packs/report-from-page';
import type { ReportRecord } from '../core/packs/types';
import { analyzeItem, type AnalyzeItem, type AnalyzeRecord, type SourcingScope } from './record';

export interface TaskRequest {
  id: number;
  mode: 'analyze' | 'report';
  item: AnalyzeItem;
  includeText?: boolean;
  /** Which pages get sourcing and claims (`analyze` only; a report always has them). */
  sourcing?: SourcingScope;
}

export interface PageReportOut {
  /** The report with `sourceId` still to be set by the caller (outlet lookup). */
  report: ReportRecord;
  siteName: string | null;
  url: string | null;
  onTopic: boolean;
  text?: string;
}

export interface TaskResult {
  id: number;
  record: AnalyzeRecord;
  page?: PageReportOut;
}

export function runTask(req: TaskRequest): TaskResult {
  const { record, analysis } = analyzeItem(req.item, req.mode === 'report' ? 'all' : req.sourcing);
  if (req.mode !== 'report' || !analysis) return { id: req.id, record };
  const a = analysis.article;
  const url = (req.item.kind === 'html' || req.item.kind === 'text' ? req.item.url : undefined) ?? a.canonicalUrl ?? null;
  const report = reportFromPage(
    { url: url ?? '', title: a.title, byline: a.byline, published: a.published, lang: a.lang, canonicalUrl: a.canonicalUrl, section: a.section, text: a.text },
    {
      sourceId: '',
      people: analysis.sourcing.sources.filter((s) => s.kind === 'named-person').map((s) => s.source),
      relays: analysis.sourcing.relayed.map((r) => ({ sourceId: null, name: r.name, how: r.how })),
      claims: analysis.claims.map((c) => ({ subject: c.subject, text: c.text, quantity: c.quantity, qualifier: c.qualifier, attributedTo: c.attributedTo ?? null })),
    },
  );
  return {
    id: req.id, record,
    page: { report, siteName: a.siteName, url, onTopic: analysis.topic.onTopic, ...(req.includeText ? { text: a.text } : {}) },
  };
}
