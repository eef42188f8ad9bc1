/**
 * Report pack format, version 1: the names the pack code has always used. The definitions
 * live in the domain model (../model). A pack is a JSON file teams share: topic profiles,
 * outlet profiles ("sources") and annotated reports. All text is plain text and is
 * rendered as text. Fields not listed here are preserved (a later minor revision of the
 * format may add them). See docs/pack-format.md for the full specification, and
 * `validatePack` (validate.ts) for the rules.
 */
export { PACK_FORMAT, PACK_FORMAT_MAJOR, OUTLET_TYPES, CLAIM_QUALIFIERS, RELAY_KINDS, REPORT_LINK_TYPES } from '../model';
export type {
  Pack,
  OutletProfile,
  OutletType,
  ClaimQualifier,
  ReportClaim,
  RelayKind,
  Relay,
  ReportLinkType,
  ReportLink,
  ReportRecord,
  ClaimReviewRecord,
  Fingerprint,
  TopicDefinition,
} from '../model';
import { OUTLET_TYPES, type OutletProfile, type OutletType, type ReportClaim } from '../model';

/** Old name of `OUTLET_TYPES` (a pack's outlets are its "sources"). */
export const SOURCE_TYPES = OUTLET_TYPES;
/** Old name of `OutletType`. */
export type SourceType = OutletType;
/** Old name of `OutletProfile`. */
export type SourceProfile = OutletProfile;
/** Old name of `ReportClaim`. */
export type Claim = ReportClaim;
