/**
 * Pack validation, structure: valibot schemas of a pack, its outlets ("sources"), reports,
 * claims, relays, links and fingerprints. Unknown fields are allowed (loose objects) and
 * preserved.
 */
import * as v from 'valibot';
import {
  ID_PATTERN,
  MAX_FINGERPRINT_TERMS,
  MAX_REPORTS,
  MAX_SOURCES,
  MAX_SUMMARY_CHARS,
  MAX_TEXT_CHARS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
  MAX_TOPICS,
  MAX_UPDATE_INTERVAL_HOURS,
  MIN_UPDATE_INTERVAL_HOURS,
} from './limits';
import { MINHASH_SIZE } from './fingerprint';
import { CLAIM_QUALIFIERS, RELAY_KINDS, REPORT_LINK_TYPES, SOURCE_TYPES } from './types';
import { bool, dateSchema, domainSchema, expected, finiteNumber, idSchema, type Issue, langSchema, list, nonEmpty, num, obj, objectMessage, oneOf, show, str, tooLong, urlSchema, VERSION } from './validate-fields';

// ---------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------

const FingerprintSchema = obj({
  minhash: v.pipe(
    v.array(
      v.pipe(v.number(expected('a number')), v.integer('must be an integer'), v.minValue(0, 'must be ≥ 0'), v.maxValue(0xffffffff, 'must be < 2^32')),
      expected('an array'),
    ),
    v.length(MINHASH_SIZE, (i: Issue) => `must have exactly ${MINHASH_SIZE} values; got ${(i.input as unknown[]).length}`),
  ),
  simhash: v.pipe(v.string(expected('a string')), v.regex(/^[0-9a-f]{16}$/, (i: Issue) => `must be 16 lower-case hex digits; got ${show(i.input)}`)),
  terms: v.pipe(
    v.record(v.pipe(v.string(), v.maxLength(200, tooLong(200))), v.pipe(finiteNumber(), v.minValue(0, 'must be ≥ 0')), objectMessage('an object')),
    v.check((t) => Object.keys(t).length <= MAX_FINGERPRINT_TERMS, (i: Issue) => `too many terms: ${Object.keys(i.input as object).length}; at most ${MAX_FINGERPRINT_TERMS}`),
  ),
});

const ClaimSchema = obj({
  subject: nonEmpty(MAX_TITLE_CHARS),
  text: nonEmpty(MAX_SUMMARY_CHARS),
  quantity: v.optional(finiteNumber()),
  qualifier: v.optional(oneOf(CLAIM_QUALIFIERS)),
  unit: v.optional(str(MAX_TITLE_CHARS)),
  date: v.optional(dateSchema(true)),
  place: v.optional(str(MAX_TITLE_CHARS)),
  attributedTo: v.optional(str(MAX_TITLE_CHARS)),
});

const RelaySchema = obj({
  sourceId: v.nullable(
    v.pipe(v.string(expected('a source id or null')), v.regex(ID_PATTERN, (i: Issue) => `invalid source id ${show(i.input)}`)),
  ),
  name: nonEmpty(MAX_TITLE_CHARS),
  how: oneOf(RELAY_KINDS),
});

const LinkSchema = obj({ type: oneOf(REPORT_LINK_TYPES), reportId: idSchema('report') });

const names = () => v.optional(list(nonEmpty(MAX_TITLE_CHARS)));

const ClaimReviewSchema = obj({
  claimReviewed: nonEmpty(MAX_SUMMARY_CHARS),
  claimAuthor: v.optional(str(MAX_TITLE_CHARS)),
  appearance: v.optional(str(MAX_URL_CHARS)),
  ratingName: v.optional(str(MAX_TITLE_CHARS)),
  ratingValue: v.optional(finiteNumber()),
  bestRating: v.optional(finiteNumber()),
  worstRating: v.optional(finiteNumber()),
  reviewer: v.optional(str(MAX_TITLE_CHARS)),
  datePublished: v.optional(str(MAX_TITLE_CHARS)),
  url: v.optional(urlSchema()),
});

export const ReportSchema = obj({
  id: idSchema('report'),
  title: nonEmpty(MAX_TITLE_CHARS),
  titleIsDescriptive: v.optional(bool()),
  sourceId: idSchema('source'),
  url: v.optional(urlSchema()),
  canonicalUrl: v.optional(urlSchema()),
  copies: v.optional(list(urlSchema())),
  published: v.optional(dateSchema(true)),
  publishedEstimate: v.optional(bool()),
  lang: langSchema(),
  authors: names(),
  summary: nonEmpty(MAX_SUMMARY_CHARS),
  tags: list(nonEmpty(MAX_TITLE_CHARS)),
  entities: v.optional(obj({ people: names(), organisations: names(), places: names() })),
  claims: v.optional(list(ClaimSchema)),
  relays: v.optional(list(RelaySchema)),
  links: v.optional(list(LinkSchema)),
  keywords: names(),
  text: v.optional(str(MAX_TEXT_CHARS)),
  fingerprint: v.optional(FingerprintSchema),
  section: v.optional(str(MAX_TITLE_CHARS)),
  accessed: v.optional(dateSchema(true)),
  note: v.optional(str(MAX_SUMMARY_CHARS)),
  claimReviews: v.optional(list(ClaimReviewSchema)),
});

const SourceSchema = obj({
  id: idSchema('source'),
  name: nonEmpty(MAX_TITLE_CHARS),
  aliases: names(),
  domains: list(domainSchema()),
  type: oneOf(SOURCE_TYPES),
  /** Empty when unknown (outlets a user created from a page). */
  country: str(100),
  languages: list(langSchema()),
  ownership: v.optional(str(MAX_SUMMARY_CHARS)),
  founded: v.optional(v.pipe(v.number(expected('a year')), v.integer('must be a whole year'), v.minValue(1, 'must be a year ≥ 1'), v.maxValue(9999, 'must be a year ≤ 9999'))),
  notes: str(MAX_SUMMARY_CHARS),
  links: v.optional(list(urlSchema())),
});

const packEntries = <R extends v.GenericSchema>(reports: R) => ({
    format: v.optional(v.unknown()), // checked before the schema runs
    id: idSchema('pack'),
    name: nonEmpty(MAX_TITLE_CHARS),
    version: v.pipe(
      v.string(expected('a version string')),
      v.regex(VERSION, (i: Issue) => `invalid version ${show(i.input)}: numbers separated by dots, e.g. "1.4.0" (optionally -pre / +build)`),
    ),
    publisher: nonEmpty(MAX_TITLE_CHARS),
    updated: dateSchema(false),
    description: v.optional(str(MAX_SUMMARY_CHARS)),
    homepage: v.optional(urlSchema()),
    updateInterval: v.optional(
      v.pipe(
        finiteNumber(),
        v.minValue(MIN_UPDATE_INTERVAL_HOURS, `must be at least ${MIN_UPDATE_INTERVAL_HOURS} hour`),
        v.maxValue(MAX_UPDATE_INTERVAL_HOURS, `must be at most ${num(MAX_UPDATE_INTERVAL_HOURS)} hours (a year)`),
      ),
    ),
    topics: v.optional(list(v.unknown(), MAX_TOPICS)), // each compiled with compileProfile below
    sources: list(SourceSchema, MAX_SOURCES),
    reports: list(reports, MAX_REPORTS),
  });

export const PackSchema = obj(packEntries(ReportSchema), 'a pack object');

/** The pack without its reports' contents (the fast path checks those: validate-fast.ts). */
export const PackHeaderSchema = obj(packEntries(v.unknown()), 'a pack object');
