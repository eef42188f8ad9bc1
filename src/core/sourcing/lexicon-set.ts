/**
 * Word-set helper of the lexicons (lexicon-en/fr/ar.ts).
 */
import { foldArabic } from '../text/normalize';

/** Word set; Arabic entries are folded here, so the lists can be written normally. */
export const set = (s: string) => new Set(s.trim().split(/\s+/).map(foldArabic));
