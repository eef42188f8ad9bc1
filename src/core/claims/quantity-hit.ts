/** A figure found in a text (shared by the English/French and the Arabic readers of numbers). */
import type { ClaimQualifier } from '../model';

export interface QuantityHit {
  /** The figure as written, qualifier included ("approximately 7,000"). */
  text: string;
  /** Offsets in the string searched. */
  start: number;
  end: number;
  quantity: number | null;
  qualifier: ClaimQualifier;
  /** Offset where the counted noun phrase begins (after the number and "of"). */
  nounStart: number;
  lang: 'en' | 'fr' | 'ar';
  /** '%' for shares ("40 percent", "half of", "٪"), 'USD' for "$" amounts. */
  unit?: string;
  /** A count that stands without a noun after it ("another 11 were killed", "Clinton: 1,769"). */
  bare?: boolean;
}
