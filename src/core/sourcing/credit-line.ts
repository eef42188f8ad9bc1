/**
 * Credit lines: the one pattern for lines that say where a story comes from, shared by the
 * sourcing grammar (which reads the credited outlet) and by furniture removal in
 * src/core/extract/furniture.ts (which keeps such lines as sourcing evidence). Both agree on
 * every line: "Via: X", "Source: X", "Originally published on X", "المصدر: X" are credits
 * in both. Furniture also keeps bylines ("Reporting by …") and wire tags ("(Reuters)"),
 * which are not outlet credits for the grammar.
 */

/** "Originally published on", "This story first appeared in", "publié initialement sur". */
const REPUBLISHED =
  String.raw`originally\s+(?:published|appeared)|first\s+(?:published|appeared)|this\s+(?:article|story|report|piece)\s+(?:was\s+|first\s+|originally\s+)*(?:published|appeared)|republished|reprinted|reposted|publié\s+(?:initialement|d['’]abord|à\s+l['’]origine)|cet\s+article\s+a\s+(?:d['’]abord\s+|initialement\s+)?été\s+publié|نشر\s+(?:أولا|اولا|في\s+الأصل|في\s+الاصل)`;
const REPUBLISHED_PREP = String.raw`(?:on|in|by|at|from|with\s+permission\s+(?:of|from)|sur|dans|par|في|على|علي)`;
/** "Source:", "Sources:", "Via:", "Courtesy of:", "المصدر:". */
const LABEL = String.raw`sources?|via|courtesy(?:\s+of)?|المصدر`;

/** The outlet credit: a lead and the credited name after it. */
const CREDIT = new RegExp(String.raw`^\s*(?:(${REPUBLISHED})\s+${REPUBLISHED_PREP}|(${LABEL})\s*[:：])\s*(.{2,120})$`, 'iu');

/** Lines furniture removal also keeps: bylines, wire tags, "نقلا عن", "avec AFP". */
const OTHER_CREDIT = new RegExp(
  String.raw`^\s*(?:(?:${REPUBLISHED})\b|(?:${LABEL})\s*[:：]|source\s+link|this\s+(?:article|story|report|piece)\s+(?:was\s+)?written|(?:additional\s+)?reporting\s+by\b|reported\s+by\b|written\s+by\b|courtesy\s+of\b|with\s+(?:reporting|input)\s+from\b|\((?:reuters|afp|ap|dpa|ansa)\)|المصدر\b|نقلا\s+عن|avec\s+(?:afp|reuters|ap)\b)`,
  'iu',
);

export interface CreditLead {
  /** The lead as written ("Originally published on" without the preposition, "Source", "Via"). */
  lead: string;
  /** What follows the lead: the credited outlet and possibly more. */
  rest: string;
}

/** The outlet credit of a whole line (a sentence), or null. */
export function creditLine(line: string): CreditLead | null {
  const m = CREDIT.exec(line);
  if (!m) return null;
  return { lead: m[1] ?? m[2], rest: m[3] };
}

/** A line that says where the story comes from (an outlet credit, a byline, a wire tag). */
export function isCreditLine(text: string | null | undefined): boolean {
  if (!text) return false;
  const t = text.trim();
  return t.length > 0 && t.length <= 300 && (CREDIT.test(t) || OTHER_CREDIT.test(t));
}
