/**
 * Export and import of the user's highlights and saved reports: W3C Web Annotation
 * (JSON-LD), CSL-JSON citations, Markdown notes, CSV, and our own pack format. Pure: no
 * browser or Node APIs; the store side is src/store/highlights-io.ts.
 */
export * from './types';
export { annotationOf, annotationIdOf, highlightIdOf, toWebAnnotation, webAnnotationText, fromWebAnnotation, ANNO_CONTEXT, PROVENANCE_NS } from './web-annotation';
export { toCsl, cslText, cslItem, cslName, cslDate, type CslItem, type CslName, type CslDate } from './csl';
export { markdownFiles, pageMarkdown, safeFileName, escapeMarkdownLine, type MarkdownFile } from './markdown';
export { toCsv, csvCells, csvField, neutralizeFormula, CSV_COLUMNS, CSV_BOM, TAG_SEPARATOR, type CsvRowInput } from './csv';
export { toOwnFormat, ownFormatText, fromOwnFormat, highlightJson, OWN_EXPORT_PACK_ID, type OwnExportInput, type OwnFormatImport } from './own-format';
export { parseHighlightsFile, type ParsedHighlightsFile } from './import-file';
export { parseTime, pageUrl } from './highlight-check';
