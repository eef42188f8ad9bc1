/**
 * The shape in which known outlets are handed to the sourcing extractor: a pack's
 * sources reduced to what the text matchers need (see outletsFromSources). Defined in the
 * domain model (../model/outlet.ts).
 */
export type { OutletName } from '../model';
