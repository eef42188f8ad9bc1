/**
 * Report packs: format types, limits, validation, fingerprints, build and serialisation.
 * See docs/pack-format.md.
 */
export * from './types';
export * from './limits';
export {
  validatePack,
  parsePackText,
  formatMajor,
  formatPath,
  compareVersions,
  isHttpUrl,
  isIsoDate,
  utf8Length,
  tooLargeMessage,
  MAX_DEPTH,
} from './validate';
export type { Problem, PackValidation } from './validate';
export { parseJson, jsonErrorOffset } from './json';
export {
  fingerprintText,
  minhashSimilarity,
  simhashDistance,
  minhashText,
  fnv1a,
  fmix32,
  EMPTY_SLOT,
  MINHASH_SIZE,
  SHINGLE_WORDS,
  FINGERPRINT_TERMS,
  FINGERPRINT_MAX_CHARS,
} from './fingerprint';
export { buildPack, HEADER_FILE, SOURCES_FILE } from './build';
export type { PackSource, PackSourceReport, BuildOptions, BuildProblem, BuildResult } from './build';
export { serializePack } from './serialize';
export { reportFromPage, userReportId, splitAuthors, type SavablePage, type SaveContext } from './report-from-page';
