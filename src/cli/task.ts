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
  /**
   * `analyze --jsonl`: the record comes back already as its JSON Lines bytes (`line`, UTF-8,
   * newline-terminated), made where it was computed, so a worker thread hands over one
   * transferable buffer instead of an object graph the main thread must copy, re-serialise
   * and encode; `record` then keeps only `file` and `error` (progress and exit code).
   */
  jsonl?: boolean;
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
  /** With `jsonl`: `JSON.stringify(record) + '\n'` as UTF-8 (the full record). */
  line?: Uint8Array;
  page?: PageReportOut;
}

const utf8 = new TextEncoder();

/** The JSON Lines bytes of a full record, and the record cut to what the caller still reads. */
function asLine(id: number, record: AnalyzeRecord): TaskResult {
  // TextEncoder gives a buffer of its own (never a slice of a shared pool): transferable.
  const line = utf8.encode(JSON.stringify(record) + '\n');
  return { id, record: record.error === undefined ? { file: record.file } : { file: record.file, error: record.error }, line };
}

export function runTask(req: TaskRequest): TaskResult {
  const { record, analysis } = analyzeItem(req.item, req.mode === 'report' ? 'all' : req.sourcing);
  if (req.mode !== 'report' && req.jsonl) return asLine(req.id, record);
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
