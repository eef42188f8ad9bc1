/**
 * The shape in which known outlets are handed to the sourcing extractor: a pack's
 * sources reduced to what the text matchers need (see outletsFromSources).
 */
export interface OutletName {
  sourceId: string;
  name: string;
  aliases: string[];
  /** Host names the outlet publishes on (to recognise the page's own outlet). */
  domains?: string[];
}
