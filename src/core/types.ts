/**
 * Shared types of the pure analysis core, kept for existing importers: the definitions live
 * in the domain model (./model). Nothing here touches browser APIs.
 */
export type {
  TextDirection,
  ExtractedArticle,
  EvidenceWhere,
  TopicEvidence,
  TopicVerdict,
  TopicLevel,
  QuickCheckResult,
  QuickInput,
  Analysis,
  SourcingProfile,
  Attribution,
  AttributionKind,
  PageClaim,
} from './model';
