/**
 * Size limits of a pack (format provenance-pack/1). They bound the memory and time an
 * import can take; docs/pack-format.md lists them for pack authors.
 */

/** Serialized pack, in bytes of UTF-8: 50 MiB. Checked before parsing. */
export const MAX_PACK_BYTES = 50 * 1024 * 1024;
export const MAX_REPORTS = 200_000;
export const MAX_SOURCES = 20_000;
export const MAX_TOPICS = 20;

/** Ids (pack, report, source): 1–128 characters of a-z 0-9 . _ -, starting with a letter or digit. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,127}$/;

/** Titles, names, subjects, authors, tags, keywords and other short strings. */
export const MAX_TITLE_CHARS = 2_000;
/** Summaries, notes, descriptions, claim texts. */
export const MAX_SUMMARY_CHARS = 20_000;
/** A report's optional full `text`. */
export const MAX_TEXT_CHARS = 1_000_000;
export const MAX_URL_CHARS = 2_048;
/** Items in any list inside a report, source or the header (tags, claims, domains, …). */
export const MAX_LIST_ITEMS = 1_000;
/** Entries in a fingerprint's `terms`. */
export const MAX_FINGERPRINT_TERMS = 80;

export const MIN_UPDATE_INTERVAL_HOURS = 1;
export const MAX_UPDATE_INTERVAL_HOURS = 24 * 365;
export const DEFAULT_UPDATE_INTERVAL_HOURS = 24;

/** Problems listed at most; beyond, one last problem says how many more there were. */
export const MAX_PROBLEMS = 1_000;
