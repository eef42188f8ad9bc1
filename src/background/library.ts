/**
 * What the library and options pages read and write through the worker (the worker is the
 * only owner of the database): the library's lists, its exports and highlight imports, and
 * the user's verdicts on claims with their ClaimReview export.
 */
import type { ProvenanceDB } from '../store/db';
import { exportClaimReviews, getReviewer, getVerdicts, setVerdict } from '../store/claim-verdicts';
import { exportCsl, exportCsv, exportHypothesis, exportMarkdownZip, exportOwnFormat, exportWebAnnotation, type ExportFile } from '../store/highlights-io';
import type { WorkerHandlers } from '../shared/contract/serve';
import type { ExportFormat, ExportedFile, LibraryData } from '../shared/contract/worker';

/** Every report (with its outlet and pack names), the outlets' domains and every highlight. */
export async function libraryData(db: ProvenanceDB): Promise<LibraryData> {
  const [reports, sources, packs, highlights] = await Promise.all([db.reports.toArray(), db.sources.toArray(), db.packs.toArray(), db.highlights.toArray()]);
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const packNames = new Map(packs.map((p) => [p.id, p.name]));
  return {
    reports: reports.map((r) => ({ record: r.record, outlet: names.get(r.record.sourceId) ?? r.record.sourceId, packName: packNames.get(r.packId) ?? r.packId })),
    outlets: sources.map((s) => ({ name: s.name, domains: s.domains })),
    highlights,
  };
}

const MAKERS: Record<ExportFormat, (db: ProvenanceDB) => Promise<ExportFile>> = {
  'web-annotation': exportWebAnnotation,
  hypothesis: exportHypothesis,
  csl: exportCsl,
  markdown: exportMarkdownZip,
  csv: exportCsv,
  own: exportOwnFormat,
};

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** An export file, made serialisable for the message (binary as base64). */
export async function exportFile(db: ProvenanceDB, format: ExportFormat): Promise<ExportedFile> {
  const f = await MAKERS[format](db);
  return typeof f.data === 'string'
    ? { name: f.name, type: f.type, data: f.data, encoding: 'text' }
    : { name: f.name, type: f.type, data: base64(f.data), encoding: 'base64' };
}

type ClaimMethods = 'claims/verdicts' | 'claims/set-verdict' | 'claims/export-review';

/** The claim-verdict methods (extension pages only: the contract marks them 'extension'). */
export function claimHandlers(db: ProvenanceDB): Pick<WorkerHandlers, ClaimMethods> {
  return {
    'claims/verdicts': async ({ reportId }) => ({ verdicts: await getVerdicts(db, reportId), reviewer: await getReviewer(db) }),
    'claims/set-verdict': async ({ reportId, ...input }) => ({ verdicts: await setVerdict(db, reportId, input) }),
    'claims/export-review': async (req) => {
      const f = await exportClaimReviews(db, req);
      return { file: { name: f.name, type: f.type, data: f.data, encoding: 'text' }, exported: f.exported, skipped: f.skipped };
    },
  };
}
