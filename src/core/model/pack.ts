/**
 * Report pack format, version 1: the JSON file teams share (topic definitions, outlet
 * profiles, annotated reports). See docs/pack-format.md; `validatePack` holds the rules.
 */
import type { OutletProfile } from './outlet';
import type { ReportRecord } from './report';
import type { TopicDefinition } from './topic';

export const PACK_FORMAT = 'provenance-pack/1';
/** Major version of the pack format this code reads (the number after the slash). */
export const PACK_FORMAT_MAJOR = 1;

export interface Pack {
  format: string;
  id: string;
  name: string;
  version: string;
  publisher: string;
  /** ISO 8601 date or date-time of this version. */
  updated: string;
  description?: string;
  /** http(s) page about the pack. */
  homepage?: string;
  /** Hours between update checks for subscribed packs; at least 1, default 24. */
  updateInterval?: number;
  /** Topic definitions (the format of src/core/detect/profiles/*.json). */
  topics?: TopicDefinition[];
  /** Outlet profiles (the field keeps its historical name). */
  sources: OutletProfile[];
  reports: ReportRecord[];
  [extra: string]: unknown;
}
