/**
 * Export the user's highlights and saved reports from the store in every format of
 * src/core/export/, and import highlights from a file (our own export or Web Annotation
 * JSON-LD) in one transaction.
 *
 * What is exported: highlights that are not deleted (soft-deleted ones, kept for undo, are
 * left out), the user's saved reports (reports of the `user` pseudo-pack) and the outlets
 * they cite. Page metadata for citations and notes comes from the saved report of the page,
 * else a stored report at the same address (any pack), else the highlight's own title and
 * the outlet profile of the page's host.
 *
 * Import rules: highlights are keyed by id, so importing the same file twice changes
 * nothing. A highlight already in the store is replaced only when the file's copy was
 * modified later than the local one was last touched (edited or deleted): an import never
 * overwrites a newer local edit, and never brings back a highlight deleted after the
 * export was made.
 */
import { cslText } from '../core/export/csl';
import { toCsv } from '../core/export/csv';
import { parseHighlightsFile } from '../core/export/import-file';
import { markdownFiles } from '../core/export/markdown';
import { ownFormatText } from '../core/export/own-format';
import type { ExportPage, HighlightRecord, ImportProblem, PageHighlights } from '../core/export/types';
import { webAnnotationText } from '../core/export/web-annotation';
import { hypothesisText } from '../core/export/hypothesis';
import { normalizeUrl } from '../core/match/features';
import { hostOf, outletForHost } from '../core/match/host';
import type { ReportRecord, SourceProfile } from '../core/packs/types';
import { USER_PACK, type ProvenanceDB, type StoredHighlight, type StoredReport, type StoredSource } from './db';
import { rebuildPageKeys } from './highlight-page-keys';
import { reportRecord } from './stored-record';

// The core's HighlightRecord must stay the stored shape: this fails to compile if they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<StoredHighlight, HighlightRecord> = true;
void sameShape;

export interface ExportData {
  highlights: StoredHighlight[];
  /** Every page: saved reports first (newest first), then pages with highlights only. */
  pages: PageHighlights[];
  /** The user's saved reports, as their records. */
  userReports: ReportRecord[];
  /** Outlets the saved reports cite (publishing and relayed). */
  sources: SourceProfile[];
}

export interface ExportFile {
  name: string;
  type: string;
  data: string | Uint8Array;
}

function sourceProfile(s: StoredSource): SourceProfile {
  const { packId: _p, userNotes: _u, ...profile } = s;
  return profile;
}

const pageKey = (url: string) => normalizeUrl(url) ?? url;

/** Everything the exports need, read in one transaction. */
export async function gatherExportData(db: ProvenanceDB): Promise<ExportData> {
  return db.transaction('r', [db.highlights, db.reports, db.sources], async () => {
    const highlights = (await db.highlights.toArray())
      .filter((h) => h.deletedAt === undefined)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const userStored = (await db.reports.where('packId').equals(USER_PACK).toArray()).sort((a, b) => b.addedAt - a.addedAt);

    // Reports describing the highlighted pages: by the highlight's report id, else by address.
    const byId = new Map<string, StoredReport>(userStored.map((r) => [r.id, r]));
    const wantIds = [...new Set(highlights.map((h) => h.reportId).filter((id): id is string => !!id && !byId.has(id)))];
    for (const r of await db.reports.bulkGet(wantIds)) if (r) byId.set(r.id, r);
    const byUrl = new Map<string, StoredReport>();
    for (const r of byId.values()) for (const u of r.urls) if (!byUrl.has(u) || r.packId === USER_PACK) byUrl.set(u, r);
    const urlKeys = [...new Set(highlights.map((h) => normalizeUrl(h.url)).filter((u): u is string => !!u && !byUrl.has(u)))];
    if (urlKeys.length) {
      for (const r of await db.reports.where('urls').anyOf(urlKeys).toArray()) {
        for (const u of r.urls) if (!byUrl.has(u)) byUrl.set(u, r);
      }
    }

    // Outlets: of the reports involved, and of hosts without a report.
    const reportsUsed = new Set<StoredReport>(userStored);
    const reportOf = (h: StoredHighlight): StoredReport | undefined => (h.reportId && byId.get(h.reportId)) || byUrl.get(normalizeUrl(h.url) ?? '');
    for (const h of highlights) {
      const r = reportOf(h);
      if (r) reportsUsed.add(r);
    }
    const sourceIds = new Set<string>();
    for (const r of reportsUsed) sourceIds.add(r.record.sourceId);
    for (const r of userStored) for (const rel of r.record.relays ?? []) if (rel.sourceId) sourceIds.add(rel.sourceId);
    const sourcesById = new Map<string, StoredSource>();
    for (const s of await db.sources.bulkGet([...sourceIds])) if (s) sourcesById.set(s.id, s);
    const outletOfHost = new Map<string, string | undefined>();
    const hosts = new Set(highlights.filter((h) => !reportOf(h)).map((h) => hostOf(h.url)).filter((h): h is string => !!h));
    if (hosts.size) {
      const allSources = await db.sources.toArray();
      for (const host of hosts) outletOfHost.set(host, outletForHost(allSources, host)?.name);
    }

    // Pages: one per saved report, then one per other highlighted address.
    const pages = new Map<string, PageHighlights>();
    const pageOfReport = new Map<string, PageHighlights>();
    const fromReport = (r: StoredReport, url: string): ExportPage => {
      const rec = reportRecord(r);
      const page: ExportPage = { url, title: rec.title, reportId: rec.id };
      if (rec.canonicalUrl) page.canonicalUrl = rec.canonicalUrl;
      const outlet = sourcesById.get(rec.sourceId)?.name;
      if (outlet) page.outlet = outlet;
      if (rec.authors?.length) page.authors = [...rec.authors];
      if (rec.published) page.published = rec.published;
      if (rec.lang) page.lang = rec.lang;
      if (rec.section) page.section = rec.section;
      if (rec.accessed) page.accessed = rec.accessed;
      return page;
    };
    for (const r of userStored) {
      const url = r.record.url ?? r.record.canonicalUrl;
      if (!url) continue;
      const page = fromReport(r, url);
      if (page.accessed === undefined) page.accessed = r.addedAt;
      const p: PageHighlights = { page, highlights: [] };
      pages.set(pageKey(url), p);
      pageOfReport.set(r.id, p);
    }
    for (const h of highlights) {
      const r = reportOf(h);
      let p = (h.reportId && pageOfReport.get(h.reportId)) || (r && pageOfReport.get(r.id)) || pages.get(pageKey(h.url));
      if (!p) {
        const page: ExportPage = r ? fromReport(r, h.url) : { url: h.url, title: h.pageTitle || h.url };
        if (!r) {
          const outlet = outletOfHost.get(hostOf(h.url) ?? '');
          if (outlet) page.outlet = outlet;
        }
        p = { page, highlights: [] };
        pages.set(pageKey(h.url), p);
        if (r) pageOfReport.set(r.id, p);
      }
      p.highlights.push(h);
      // Accessed: the saved report's date when it has one, else the first highlight's time.
      if (p.page.accessed === undefined || (typeof p.page.accessed === 'number' && h.createdAt < p.page.accessed)) p.page.accessed = h.createdAt;
    }
    for (const p of pages.values()) {
      const n = p.highlights.length;
      const userNote = p.page.reportId ? byId.get(p.page.reportId)?.record.note : undefined;
      p.page.note = [userNote, n ? `Saved with Provenance; ${n} highlight${n > 1 ? 's' : ''}` : 'Saved with Provenance'].filter(Boolean).join('\n');
    }

    const sources: SourceProfile[] = [];
    const userSourceIds = new Set<string>();
    for (const r of userStored) {
      userSourceIds.add(r.record.sourceId);
      for (const rel of r.record.relays ?? []) if (rel.sourceId) userSourceIds.add(rel.sourceId);
    }
    for (const id of userSourceIds) {
      const s = sourcesById.get(id);
      if (s) sources.push(sourceProfile(s));
    }
    return { highlights, pages: [...pages.values()], userReports: userStored.map(reportRecord), sources };
  });
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export async function exportWebAnnotation(db: ProvenanceDB, now = new Date()): Promise<ExportFile> {
  const { highlights } = await gatherExportData(db);
  return { name: `provenance-highlights-${stamp(now)}.jsonld`, type: 'application/ld+json', data: webAnnotationText(highlights) };
}

export async function exportHypothesis(db: ProvenanceDB, now = new Date()): Promise<ExportFile> {
  const { highlights } = await gatherExportData(db);
  return { name: `provenance-hypothesis-${stamp(now)}.json`, type: 'application/json', data: hypothesisText(highlights, { now }) };
}

export async function exportCsl(db: ProvenanceDB, now = new Date()): Promise<ExportFile> {
  const { pages } = await gatherExportData(db);
  return { name: `provenance-citations-${stamp(now)}.json`, type: 'application/vnd.citationstyles.csl+json', data: cslText(pages.map((p) => p.page)) };
}

export async function exportMarkdownZip(db: ProvenanceDB, now = new Date()): Promise<ExportFile> {
  const { pages } = await gatherExportData(db);
  // fflate is loaded on first use: its module builds its Huffman tables when it runs, which
  // at every start of the worker cost ~10 ms of a restarted worker's start (the worker is one
  // classic script whose modules run when first imported).
  const { strToU8, zipSync } = await import('fflate');
  const files: Record<string, Uint8Array> = {};
  for (const f of markdownFiles(pages)) files[f.name] = strToU8(f.text);
  return { name: `provenance-notes-${stamp(now)}.zip`, type: 'application/zip', data: zipSync(files, { level: 6, mtime: now }) };
}

export async function exportCsv(db: ProvenanceDB, now = new Date()): Promise<ExportFile> {
  const { pages } = await gatherExportData(db);
  const rows = pages.flatMap((p) => p.highlights.map((highlight) => ({ highlight, pageTitle: p.page.title, outlet: p.page.outlet })));
  return { name: `provenance-highlights-${stamp(now)}.csv`, type: 'text/csv;charset=utf-8', data: toCsv(rows) };
}

export async function exportOwnFormat(db: ProvenanceDB, now = new Date()): Promise<ExportFile> {
  const { highlights, userReports, sources } = await gatherExportData(db);
  return { name: `provenance-export-${stamp(now)}.json`, type: 'application/json', data: ownFormatText({ reports: userReports, sources, highlights, now }) };
}

export interface HighlightsImportSummary {
  format: 'provenance-pack' | 'web-annotation' | 'hypothesis' | 'unknown';
  /** Valid highlights found in the file. */
  read: number;
  added: number;
  updated: number;
  /** Already in the store, same version. */
  unchanged: number;
  /** Kept as they are because the local copy was edited (or deleted) after the file's. */
  keptLocal: number;
  /** Items of the file that were not highlights or could not be read. */
  skipped: number;
  /** Saved reports in an own-format file (not imported here). */
  reports: number;
  problems: ImportProblem[];
}

/** Import the highlights of a file's text into the store, in one transaction. */
export async function importHighlightsText(db: ProvenanceDB, text: string, now = Date.now()): Promise<HighlightsImportSummary> {
  const parsed = parseHighlightsFile(text, { now });
  const summary: HighlightsImportSummary = {
    format: parsed.format, read: parsed.highlights.length, added: 0, updated: 0, unchanged: 0, keptLocal: 0,
    skipped: parsed.problems.filter((p) => p.severity === 'error' && p.path !== '$').length,
    reports: parsed.reports, problems: parsed.problems,
  };
  if (!parsed.highlights.length) return summary;
  await db.transaction('rw', db.highlights, async () => {
    const incoming: StoredHighlight[] = parsed.highlights;
    const local = await db.highlights.bulkGet(incoming.map((h) => h.id));
    const puts: StoredHighlight[] = [];
    incoming.forEach((h, i) => {
      const cur = local[i];
      if (!cur) {
        puts.push(h);
        summary.added++;
        return;
      }
      const touched = Math.max(cur.updatedAt, cur.deletedAt ?? -Infinity);
      if (h.updatedAt > touched) {
        puts.push(h);
        summary.updated++;
      } else if (h.updatedAt === cur.updatedAt && cur.deletedAt === undefined) summary.unchanged++;
      else summary.keptLocal++;
    });
    await db.highlights.bulkPut(puts);
  });
  // The content script finds pages with highlights through their `hl:` keys.
  if (summary.added || summary.updated) await rebuildPageKeys(db);
  return summary;
}
